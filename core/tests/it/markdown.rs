//! The UI's Markdown preview: formatting survives, nothing live does.

use tandem_core::markdown::to_html;

/// `input` renders to exactly `expected` (ignoring the trailing newline).
#[track_caller]
fn check(input: &str, expected: &str) {
    assert_eq!(to_html(input).trim_end(), expected, "input: {input:?}");
}

/// Every element in `html` is on the allow-list with allowed attributes only, and every
/// link goes to http, https or mailto. (Text `<` is escaped, so each `<` starts real markup.)
#[track_caller]
fn assert_inert(html: &str) {
    const TAGS: &[&str] = &[
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
    ];
    for piece in html.split('<').skip(1) {
        let tag = &piece[..piece
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag in {html:?}"))];
        let tag = tag.trim_start_matches('/').trim_end_matches('/');
        let mut words = tag.split_whitespace();
        let name = words.next().unwrap_or_default();
        assert!(TAGS.contains(&name), "<{name}> survived in {html:?}");
        // Attributes: name="value" pairs (values never hold spaces here but rel's).
        let attrs = tag[name.len()..].trim();
        let mut rest = attrs;
        while !rest.is_empty() {
            let eq = rest
                .find('=')
                .unwrap_or_else(|| panic!("bare attribute in {tag:?}"));
            let attr = rest[..eq].trim();
            let value_start = eq + 2;
            let value_end = value_start + rest[value_start..].find('"').unwrap();
            let value = &rest[value_start..value_end];
            match (name, attr) {
                ("a", "href") => assert!(
                    ["http://", "https://", "mailto:"]
                        .iter()
                        .any(|s| value.starts_with(s)),
                    "unsafe link {value:?} in {html:?}"
                ),
                ("a", "rel") => assert_eq!(value, "noopener noreferrer"),
                ("input", "type") => assert_eq!(value, "checkbox"),
                ("p" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote", "dir") => {
                    assert_eq!(value, "auto")
                }
                ("input", "disabled" | "checked") => assert_eq!(value, ""),
                _ => panic!("attribute {attr:?} on <{name}> survived in {html:?}"),
            }
            if name == "input" {
                assert!(tag.contains("disabled=\"\""), "enabled input in {html:?}");
            }
            rest = rest[value_end + 1..].trim_start();
        }
    }
}

#[test]
fn formatting_renders() {
    check("", "");
    check("  \n ", "");
    check(
        "**bold** and *it* and ~~gone~~",
        "<p dir=\"auto\"><strong>bold</strong> and <em>it</em> and <del>gone</del></p>",
    );
    check("## Heading", "<h2 dir=\"auto\">Heading</h2>");
    check(
        "- one\n- two",
        "<ul>\n<li dir=\"auto\">one</li>\n<li dir=\"auto\">two</li>\n</ul>",
    );
    check("1. first", "<ol>\n<li dir=\"auto\">first</li>\n</ol>");
    check(
        "> quoted",
        "<blockquote dir=\"auto\">\n<p dir=\"auto\">quoted</p>\n</blockquote>",
    );
    check("`a < b`", "<p dir=\"auto\"><code>a &lt; b</code></p>");
    check(
        "```\nlet x = 1;\n```",
        "<pre><code>let x = 1;\n</code></pre>",
    );
    check(
        "line one  \nline two",
        "<p dir=\"auto\">line one<br>\nline two</p>",
    );
}

/// Issue 14: three lines typed with Enter showed as one paragraph.
#[test]
fn a_single_newline_is_a_line_break() {
    check(
        "line one\nline two\nline three",
        "<p dir=\"auto\">line one<br>\nline two<br>\nline three</p>",
    );
    // A blank line still makes a new paragraph, and ends a list.
    check(
        "- one\n- two\n\nAfter the list",
        "<ul>\n<li dir=\"auto\">one</li>\n<li dir=\"auto\">two</li>\n</ul>\n<p dir=\"auto\">After the list</p>",
    );
    check(
        "> quoted\n> twice",
        "<blockquote dir=\"auto\">\n<p dir=\"auto\">quoted<br>\ntwice</p>\n</blockquote>",
    );
}

/// Issue 14: Arabic and Hebrew were laid out left to right.
#[test]
fn every_block_takes_its_direction_from_its_text() {
    check(
        "## عنوان\n\nمرحبا بالعالم\n\n- שלום\n\n> ציטוט",
        "<h2 dir=\"auto\">عنوان</h2>\n<p dir=\"auto\">مرحبا بالعالم</p>\n<ul>\n<li dir=\"auto\">שלום</li>\n</ul>\n<blockquote dir=\"auto\">\n<p dir=\"auto\">ציטוט</p>\n</blockquote>",
    );
    // Only the renderer sets a direction: one written in the text is text.
    let html = to_html("<p dir=\"rtl\">x</p>");
    assert!(html.contains("&lt;p dir=\"rtl\"&gt;"), "{html}");
    assert_inert(&html);
}

#[test]
fn links_keep_only_safe_targets_and_get_rel() {
    check(
        "[site](https://example.org/a?b=1&c=2)",
        "<p dir=\"auto\"><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">site</a></p>",
    );
    check(
        "[me](mailto:zoe@example.org)",
        "<p dir=\"auto\"><a href=\"mailto:zoe@example.org\" rel=\"noopener noreferrer\">me</a></p>",
    );
    for hostile in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "[x](/etc/passwd)",
        "[x](file:///etc/passwd)",
        "<javascript:alert(1)>",
    ] {
        let html = to_html(hostile);
        assert_inert(&html);
        assert!(!html.contains("href"), "{hostile:?} kept a link: {html}");
    }
}

#[test]
fn raw_html_is_visible_text_never_markup() {
    check(
        "<script>alert(1)</script>",
        "<p dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
    check(
        "Hi <b onclick=\"x()\">there</b>",
        "<p dir=\"auto\">Hi &lt;b onclick=\"x()\"&gt;there&lt;/b&gt;</p>",
    );
    for hostile in [
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<p style=\"position:fixed\">cover</p>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "text <span style=\"color:red\">red</span>",
        "<!-- comment --><style>body{}</style>",
        "<div>\n\n**still markdown**\n\n</div>",
        "<form action=x><input type=text></form>",
    ] {
        let html = to_html(hostile);
        assert_inert(&html);
        assert!(
            html.contains("&lt;"),
            "{hostile:?} should show as text: {html}"
        );
    }
}

#[test]
fn images_show_their_alt_text_and_load_nothing() {
    check(
        "![a chart](https://example.org/c.png)",
        "<p dir=\"auto\">a chart</p>",
    );
    check("![x](data:image/png;base64,AAAA)", "<p dir=\"auto\">x</p>");
    check(
        "![x\" onerror=\"alert(1)](x)",
        "<p dir=\"auto\">x\" onerror=\"alert(1)</p>",
    );
}

#[test]
fn task_lists_are_disabled_checkboxes() {
    let html = to_html("- [ ] open\n- [x] done");
    assert_eq!(
        html.matches("<input type=\"checkbox\"").count(),
        2,
        "{html}"
    );
    assert_eq!(html.matches("checked").count(), 1, "{html}");
    assert_eq!(html.matches("disabled=\"\"").count(), 2, "{html}");
    assert_inert(&html);
    assert!(html.contains("open") && html.contains("done"));
    // A checkbox written as raw HTML is text, not a control.
    let raw = to_html("<input type=\"text\" value=\"x\" autofocus onfocus=alert(1)>");
    assert!(!raw.contains("<input"), "{raw}");
}

#[test]
fn tables_keep_structure_but_no_style() {
    let html = to_html("| a | b |\n|:--|--:|\n| 1 | <b>2</b> |");
    assert!(
        html.contains("<table>") && html.contains("<th>a</th>"),
        "{html}"
    );
    assert!(html.contains("<td>&lt;b&gt;2&lt;/b&gt;</td>"), "{html}");
    assert_inert(&html);
}

#[test]
fn odd_text_does_not_break() {
    for text in [
        "Zoë ☕ 🧑‍🤝‍🧑 مرحبا بالعالم 中文 Ελληνικά",
        "\u{202e}reversed\u{202c}",
        "'); DROP TABLE session;--",
        "&amp; &lt; & < >",
        "\0 nul",
    ] {
        let html = to_html(text);
        assert_inert(&html);
        assert!(html.starts_with("<p dir=\"auto\">"), "{text:?}: {html}");
    }
    check("&lt;b&gt;", "<p dir=\"auto\">&lt;b&gt;</p>");
    // A megabyte of nested quotes and emphasis renders in reasonable time.
    let big = "> **a** ".repeat(130_000);
    let html = to_html(&big);
    assert!(html.len() > 100_000);
    assert_inert(&html);
}
