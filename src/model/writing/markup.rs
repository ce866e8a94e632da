//! A comment's formatted text (see [`crate::model::writing::format`]) as HTML source, for the
//! first screen that is written into `index.html` at build time
//! (`crate::prerender::first_screen`). In the browser the same blocks become DOM nodes
//! (`components::FormattedText`); a browser test holds the two to the same
//! markup. Every piece of reader text is escaped here: it can only ever be
//! text.

use crate::model::writing::format::{Block, Inline, Line};

/// Tells search engines not to vouch for reader-posted links, and keeps the
/// opened page from reaching back into this one.
pub const LINK_REL: &str = "nofollow noopener noreferrer ugc";

/// The blocks as the HTML that `FormattedText` puts inside its `<div>`.
pub fn html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Paragraph(lines) => {
                out.push_str(r#"<p dir="auto">"#);
                push_lines(&mut out, lines);
                out.push_str("</p>");
            }
            Block::Quote(lines) => {
                out.push_str(r#"<blockquote dir="auto"><p>"#);
                push_lines(&mut out, lines);
                out.push_str("</p></blockquote>");
            }
        }
    }
    out
}

fn push_lines(out: &mut String, lines: &[Line]) {
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push_str("<br>");
        }
        line.iter().for_each(|inline| push_inline(out, inline));
    }
}

fn push_inline(out: &mut String, inline: &Inline) {
    match inline {
        Inline::Text(text) => push_escaped(out, text),
        Inline::Strong(children) => push_wrapped(out, "strong", children),
        Inline::Emphasis(children) => push_wrapped(out, "em", children),
        Inline::Code(code) => {
            out.push_str("<code>");
            push_escaped(out, code);
            out.push_str("</code>");
        }
        Inline::Link { href } => {
            out.push_str(r#"<a href=""#);
            push_escaped(out, href);
            out.push_str(r#"" rel=""#);
            out.push_str(LINK_REL);
            out.push_str(r#"" target="_blank">"#);
            push_escaped(out, href);
            out.push_str("</a>");
        }
    }
}

fn push_wrapped(out: &mut String, tag: &str, children: &[Inline]) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    children.iter().for_each(|child| push_inline(out, child));
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// `text` as HTML source (see `push_escaped`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Text as it must be written in HTML to be read back as the same text, in
/// element content and in quoted attribute values alike. `&nbsp;` too, as
/// browsers write it when they serialise.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::writing::format::parse;

    #[test]
    fn reader_text_is_only_ever_text() {
        let html = html(&parse("<script>alert(1)</script> & \"x\" **<b>** `<i>`"));
        assert_eq!(
            html,
            "<p dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; \
             <strong>&lt;b&gt;</strong> <code>&lt;i&gt;</code></p>"
        );
    }

    #[test]
    fn blocks_lines_and_links_have_the_browsers_markup() {
        let html = html(&parse("> quoted\n> *again*\n\nsee https://example.org/a?b=1&c=\"2\"\nbye"));
        assert_eq!(
            html,
            "<blockquote dir=\"auto\"><p>quoted<br><em>again</em></p></blockquote>\
             <p dir=\"auto\">see <a href=\"https://example.org/a?b=1&amp;c=\" \
             rel=\"nofollow noopener noreferrer ugc\" target=\"_blank\">https://example.org/a?b=1&amp;c=</a>&quot;2&quot;<br>bye</p>"
        );
    }
}
