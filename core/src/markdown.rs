//! Markdown to HTML for the UI's preview: the one place user text becomes markup.
//!
//! Two layers. First, pulldown-cmark renders with raw HTML turned into text (so `<script>`
//! in a note shows as the characters `<script>`, never as an element) and images turned
//! into their alt text (nothing is ever loaded). Then ammonia cleans the result against a
//! tight allow-list: text formatting, headings, lists, quotes, code, tables, links with
//! `http`, `https` or `mailto` targets only (`rel="noopener noreferrer"`), and the disabled
//! checkbox of a task-list item. No other element, no `style`, no event attribute survives.
//!
//! Two choices for how people write: a single newline is a line break (a note typed with
//! Enter shows its lines as typed, not joined into one), and every block (paragraph, list
//! item, heading, quote) gets `dir="auto"`, so Arabic or Hebrew text runs right to left.
//! (The PDF has its own Markdown rendering: `report/markdown.rs`, with the same breaks.)

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The HTML of `text` (CommonMark with tables, strikethrough and task lists), sanitised.
pub fn to_html(text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(text, options).filter_map(|event| match event {
        // Raw HTML stays visible text; an HTML block keeps its own paragraph.
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        // An image shows its alt text (the Text events between these two): nothing loads.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        // A line break where the user typed one.
        Event::SoftBreak => Some(Event::HardBreak),
        other => Some(other),
    });
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitizer().clean(&html).to_string()
}

/// The blocks whose direction comes from their own text.
const DIR_AUTO: [&str; 9] = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"];

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "p",
            "br",
            "hr",
            "strong",
            "em",
            "del",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "code",
            "pre",
            "a",
            "input",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
        ]
        .into_iter()
        .collect();
        let tag_attributes: HashMap<&str, HashSet<&str>> = [("a", ["href"].into_iter().collect())]
            .into_iter()
            .collect();
        // A task-list checkbox and nothing else: only these values pass, and every input
        // is forced disabled.
        let input: HashMap<&str, HashSet<&str>> = [
            ("type", ["checkbox"].into_iter().collect()),
            ("checked", ["", "checked"].into_iter().collect()),
        ]
        .into_iter()
        .collect();
        let mut b = ammonia::Builder::empty();
        // The only attribute value ammonia adds itself: no `dir` from the text survives.
        for tag in DIR_AUTO {
            b.set_tag_attribute_value(tag, "dir", "auto");
        }
        b.tags(tags)
            .tag_attributes(tag_attributes)
            .generic_attributes(HashSet::new())
            .tag_attribute_values([("input", input)].into_iter().collect())
            .set_tag_attribute_value("input", "disabled", "")
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true);
        b
    })
}
