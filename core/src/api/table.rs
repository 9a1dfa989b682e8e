// The command table: every command the UI may call, once, as `name(args) -> answer`.
// Everything else is made from it: the window's handlers and permissions (src-tauri),
// the development server's dispatch (`tandem_core::api::dispatch`) and the typed
// TypeScript client (`ui/src/lib/generated/commands.ts`). Adding a command is one line
// here plus the core function it calls.
//
// The sections say what a command runs on, and so what its line holds:
//   store    `= |s| …` on the open journal's `&mut Store`; a core error is what the UI sees.
//   journal  `= |j| …` on the journal itself (`life::Journal`): works when it could not open.
//   pure     `= …` needing no journal.
//   host     a signature only: each host writes the command itself (it needs threads).
//   window   a name only: the window's own commands (a progress channel, a benchmark
//            mark), outside the typed client.
// Bodies name `today()` (the user's calendar day) and the types of `api::prelude`, which
// every expansion site imports. This file is also `include!`d by src-tauri/build.rs, which
// only reads the names: keep it a single macro.

#[macro_export]
macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {
            store {
                /// Every partnership (not in the trash) with its session count, newest first.
                list_partnerships() -> Vec<PartnershipOverview> = |s| s.list_partnerships();
                get_partnership(id: Uuid) -> Partnership = |s| s.get_partnership(id);
                create_partnership(draft: PartnershipDraft) -> Partnership = |s| s.create_partnership(&draft);
                update_partnership(id: Uuid, draft: PartnershipDraft) -> Partnership = |s| s.update_partnership(id, &draft);
                /// Live sessions newest first, `limit` from `offset`, with how many there are in all.
                list_sessions(partnership_id: Uuid, limit: u32, offset: u32) -> SessionPage = |s| s.session_page(partnership_id, limit, offset);
                get_session(id: Uuid) -> Session = |s| s.get_session(id);
                create_session(partnership_id: Uuid, draft: SessionDraft) -> Session = |s| s.create_session(partnership_id, &draft);
                update_session(id: Uuid, draft: SessionDraft) -> Session = |s| s.update_session(id, &draft);
                /// Adds the sample journal; null when it was already loaded.
                load_sample() -> Option<ImportReport> = |s| s.load_sample(today());
                backup_now() -> BackupInfo = |s| s.backup();
                /// Writes a copy of the journal to a file of the user's choosing (an external drive, say), outside the rotation.
                backup_to(path: PathBuf) -> BackupInfo = |s| s.backup_to(&path);
                /// Every topic with how many sessions carry it, most used first: suggestions while typing a tag.
                list_topics() -> Vec<TopicCount> = |s| s.list_topics();
                /// The action items of one session, in order.
                list_action_items(session_id: Uuid) -> Vec<ActionItem> = |s| s.list_action_items(session_id);
                /// The partnership's open action items, overdue first (a new session's agenda, the dashboard).
                open_action_items(partnership_id: Uuid) -> Vec<ActionItemView> = |s| s.open_action_items(partnership_id, today());
                create_action_item(session_id: Uuid, draft: ActionItemDraft) -> ActionItem = |s| s.create_action_item(session_id, &draft);
                update_action_item(id: Uuid, draft: ActionItemDraft) -> ActionItem = |s| s.update_action_item(id, &draft);
                /// Goals of a partnership (not in the trash): active first, then not started, achieved, dropped; progress as of today.
                list_goals(partnership_id: Uuid) -> Vec<GoalSummary> = |s| s.list_goals(partnership_id, today());
                get_goal(id: Uuid) -> GoalDetail = |s| s.get_goal(id);
                create_goal(partnership_id: Uuid, draft: GoalDraft) -> Goal = |s| s.create_goal(partnership_id, &draft);
                update_goal(id: Uuid, draft: GoalDraft) -> Goal = |s| s.update_goal(id, &draft);
                create_milestone(goal_id: Uuid, draft: MilestoneDraft) -> Milestone = |s| s.create_milestone(goal_id, &draft);
                update_milestone(id: Uuid, draft: MilestoneDraft) -> Milestone = |s| s.update_milestone(id, &draft);
                add_progress(goal_id: Uuid, draft: ProgressDraft) -> ProgressEntry = |s| s.add_progress(goal_id, &draft);
                update_progress(id: Uuid, draft: ProgressDraft) -> ProgressEntry = |s| s.update_progress(id, &draft);
                dashboard(partnership_id: Uuid) -> Dashboard = |s| s.dashboard(partnership_id, today());
                /// Full-text search across the journal, best matches first. An empty query finds nothing.
                search(query: String, limit: u32) -> Vec<SearchHit> = |s| s.search(&query, limit);
                /// Moves a thing (and what hangs under it) to the trash; undone by restore_from_trash.
                move_to_trash(kind: ItemKind, id: Uuid) -> TrashEntry = |s| s.move_to_trash(kind, id);
                restore_from_trash(kind: ItemKind, id: Uuid) -> () = |s| s.restore_from_trash(kind, id);
                /// Newest first.
                list_trash() -> Vec<TrashEntry> = |s| s.list_trash();
                /// Deletes everything in the trash for good; answers how many things were deleted.
                empty_trash() -> u32 = |s| s.empty_trash();
                /// Both sides of a partnership's SWOT: the current snapshot of each (the latest taken by today), or the ones chosen.
                swot_board(partnership_id: Uuid, mine_snapshot_id: Option<Uuid>, partner_snapshot_id: Option<Uuid>) -> SwotBoard = |s| s.swot_board(partnership_id, mine_snapshot_id, partner_snapshot_id, today());
                /// Starts a snapshot of one side, copying the side's latest snapshot forward (an empty one the first time); private unless `visibility` is shared (my own side only).
                start_snapshot(partnership_id: Uuid, side: Side, taken_on: NaiveDate, reason: String, visibility: Option<Visibility>) -> SwotView = |s| s.start_snapshot_with(partnership_id, side, taken_on, &reason, visibility.unwrap_or_default());
                /// Changes a snapshot's date and reason, and its visibility unless null (only my own side may be shared).
                update_snapshot(id: Uuid, taken_on: NaiveDate, reason: String, visibility: Option<Visibility>) -> SwotSnapshot = |s| s.update_snapshot_with(id, taken_on, &reason, visibility);
                /// Appends an item to its quadrant.
                add_swot_item(snapshot_id: Uuid, draft: SwotItemDraft) -> SwotItem = |s| s.add_swot_item(snapshot_id, &draft);
                update_swot_item(id: Uuid, draft: SwotItemDraft) -> SwotItem = |s| s.update_swot_item(id, &draft);
                /// Moves an item to `position` in `quadrant` (of the same snapshot); answers the snapshot.
                move_swot_item(id: Uuid, quadrant: Quadrant, position: u32) -> SwotView = |s| s.move_swot_item(id, quadrant, position);
                /// Marks an item as the same as one on the other side (null: unlinks it).
                link_swot_items(id: Uuid, other_id: Option<Uuid>) -> () = |s| s.link_swot_items(id, other_id);
                /// "Not the same": the board no longer pairs these two (mine, my partner's) for their wording; undone by restore_swot_pair.
                dismiss_swot_pair(mine_item_id: Uuid, partner_item_id: Uuid) -> () = |s| s.dismiss_swot_pair(mine_item_id, partner_item_id);
                restore_swot_pair(mine_item_id: Uuid, partner_item_id: Uuid) -> () = |s| s.restore_swot_pair(mine_item_id, partner_item_id);
                compare_snapshots(before_id: Uuid, after_id: Uuid) -> SwotComparison = |s| s.compare_snapshots(before_id, after_id);
                list_tows(partnership_id: Uuid) -> Vec<TowsStrategy> = |s| s.list_tows(partnership_id);
                create_tows(partnership_id: Uuid, draft: TowsDraft) -> TowsStrategy = |s| s.create_tows(partnership_id, &draft);
                update_tows(id: Uuid, draft: TowsDraft) -> TowsStrategy = |s| s.update_tows(id, &draft);
                /// Turns a strategy into an active shared goal of the partnership, once; answers the goal.
                tows_to_goal(id: Uuid) -> Goal = |s| s.tows_to_goal(id);
                /// What the progress PDF of `options` will hold, without making it: its sections with their counts, and what is left out and why.
                report_preview(options: ReportOptions) -> ReportPreview = |s| report::preview(s, &options, today());
                /// The partnership's exchange link with the partner's journal (null: not paired or invited).
                exchange_link(partnership_id: Uuid) -> Option<ExchangeLink> = |s| s.exchange_link(partnership_id);
                /// Starts a link: a new identity for it alone, and the signed invite text to send the partner.
                invite_partner(partnership_id: Uuid) -> InviteOut = |s| s.invite(partnership_id);
                /// The invite of a link still waiting for the partner's answer, made again (the same link; public keys only).
                invite_text(link_id: String) -> String = |s| s.invite_text(&link_id);
                /// Writes the invite of a link still waiting for the partner's answer to `out`.
                save_invite(link_id: String, out: PathBuf) -> () = |s| s.save_invite_file(&link_id, &out);
                /// Reads and checks a pasted invite: who it is from and what accepting it makes; writes nothing.
                check_invite(text: String) -> InvitePreview = |s| s.check_invite(&text);
                /// Reads and checks an invite file, as check_invite; writes nothing.
                read_invite(path: PathBuf) -> InvitePreview = |s| s.check_invite_file(&path);
                /// Accepts a partner's invite into a partnership (null: a new one, prefilled) and writes the first bundle to `out`.
                accept_invite(text: String, partnership_id: Option<Uuid>, out: PathBuf, armour: bool) -> ShareReport = |s| s.accept_to_file(&text, partnership_id, &out, armour);
                /// What the next bundle of the partnership would hold (nothing is written).
                share_preview(partnership_id: Uuid) -> BundlePayload = |s| s.share_payload(partnership_id);
                /// What the next bundle changes against the last one sent, per kind (null: what that one held is not known).
                share_changes(partnership_id: Uuid) -> Option<Vec<KindChanges>> = |s| s.share_changes(partnership_id);
                /// Writes the next bundle of the partnership (everything shared in it) to `out`.
                share_with_partner(partnership_id: Uuid, out: PathBuf, armour: bool) -> ShareReport = |s| s.share_to_file(partnership_id, &out, armour);
                /// Opens and checks a partner's bundle and says what importing it would do; writes nothing.
                preview_bundle(path: PathBuf) -> ReceivePreview = |s| s.receive_preview_file(&path);
                /// Imports a partner's bundle: checked whole, then their content replaced in one transaction.
                receive_bundle(path: PathBuf) -> ReceivePreview = |s| s.receive_file(&path);
                /// `preview_bundle` for a bundle pasted as text (ASCII-armoured); writes nothing.
                preview_bundle_text(text: String) -> ReceivePreview = |s| s.receive_preview(text.trim().as_bytes());
                /// `receive_bundle` for a bundle pasted as text (ASCII-armoured).
                receive_bundle_text(text: String) -> ReceivePreview = |s| s.receive(text.trim().as_bytes());
                /// The fingerprint words were compared and are the same.
                mark_link_verified(link_id: String) -> ExchangeLink = |s| s.mark_verified(&link_id);
                /// Stops the link; the partner's content stays unless `remove_content`.
                unpair_link(link_id: String, remove_content: bool) -> () = |s| s.unpair(&link_id, remove_content);
                /// Marks an action item the partner asked of me as done (or not): the next bundle says so.
                set_partner_item_done(link_id: String, action_item_id: Uuid, done: bool) -> () = |s| s.set_partner_item_done(&link_id, action_item_id, done);
                /// The partner's content as their last bundle gave it, in my words (null: nothing received).
                partner_content(partnership_id: Uuid) -> Option<BundlePayload> = |s| s.partner_content(partnership_id);
                /// The side-by-side SWOT with the partner's own shared SWOT as the partner column (read-only, labelled): their current shared snapshot, or the one chosen.
                shared_swot_board(partnership_id: Uuid, mine_snapshot_id: Option<Uuid>, shared_snapshot_id: Option<Uuid>) -> SwotBoard = |s| s.shared_swot_board(partnership_id, mine_snapshot_id, shared_snapshot_id, today());
                /// Copies an item of the partner's shared SWOT into my view of their SWOT (its current snapshot, started today if none); an item of the same wording there is answered instead.
                copy_partner_swot_item(partnership_id: Uuid, item_id: Uuid) -> SwotItem = |s| s.copy_partner_swot_item(partnership_id, item_id, today());
                /// The partner's shared sessions, each with my session held the same day (null: nothing received).
                partner_sessions(partnership_id: Uuid) -> Option<PartnerSessions> = |s| s.partner_sessions(partnership_id);
                /// The partner's shared goals with where they stand, each with my goal of nearly the same title (null: nothing received).
                partner_goals(partnership_id: Uuid) -> Option<PartnerGoals> = |s| s.partner_goals(partnership_id);
            }
            journal {
                /// Where the journal is and whether it opened (with the reason when it did not).
                journal_info() -> JournalInfo = |j| Ok(j.info());
                /// Newest first. Works even when the journal could not be opened.
                list_backups() -> Vec<BackupInfo> = |j| j.backups();
                /// Replaces the journal with a backup (keeping the current state as a backup first).
                restore_backup(path: PathBuf) -> RestoreReport = |j| j.restore(&path);
                /// Switches to the journal at `path`; the UI then starts over on what this answers.
                open_journal(path: PathBuf) -> JournalInfo = |j| { j.switch_to(path, LOCK_WAIT); Ok(j.info()) };
            }
            pure {
                /// Markdown rendered to HTML by the core and sanitised there (ammonia): safe to insert.
                render_markdown(text: String) -> String = markdown::to_html(&text);
            }
            host {
                /// Runs the whole-file integrity check the journal was opened without (so that the first
                /// screen need not wait for it) and reports the journal again, with an error if damaged.
                check_journal() -> JournalInfo;
            }
            window {
                export_report;
                startup_mark;
            }
        }
    };
}
