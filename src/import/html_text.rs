//! Comment and article HTML from an export, turned into agora's text: the
//! formatting subset of `model/writing/format` (`**bold**`, `*italic*`,
//! `` `code` ``, `> ` quote lines, paragraphs, line breaks, bare links) or,
//! for article paragraphs, plain text. No HTML is ever passed through: tags
//! are read for what they mean and dropped, `<script>` and `<style>` lose
//! their contents, entities are decoded into the characters they stand for.
//!
//! One pass over the input, never looking back further than the text of the
//! link being closed; nesting is capped, so the work stays linear whatever
//! the markup. Nothing here can panic: every slice is taken at a position
//! found by searching the same string.

/// Whether formatting becomes agora's marks or is left out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Marks {
    /// A comment: agora shows `**bold**`, `*italic*`, `` `code` `` and `> ` quotes.
    Formatted,
    /// An article paragraph, which agora shows as plain text.
    Plain,
}

/// What a newline in the text (outside `<pre>`) means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Newlines {
    /// Whitespace like any other, as a browser reads HTML (Disqus).
    Html,
    /// WordPress stores what was typed and adds the paragraphs when it shows
    /// it (`wpautop`): a newline is a line break, a blank line a new paragraph.
    WordPress,
}

/// Deeper nesting of formatting or links than this is read as plain text:
/// real comments nest two or three levels, and the cap keeps each step of
/// the conversion constant-time on hostile markup.
const MAX_NESTING: usize = 16;

/// `html` as agora text: paragraphs separated by a blank line, line breaks
/// as single newlines. Empty when nothing visible is left.
pub fn convert(html: &str, marks: Marks, newlines: Newlines) -> String {
    let mut writer = Writer::new(marks, newlines);
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        let (text, tail) = rest.split_at(at);
        writer.text(text);
        rest = if let Some(after) = tail.strip_prefix('&') {
            match entity(after) {
                Some((decoded, length)) => {
                    // What an entity stands for is text like any other.
                    writer.char(decoded);
                    after.get(length..).unwrap_or("")
                }
                None => {
                    writer.text("&");
                    after
                }
            }
        } else {
            writer.markup(tail)
        };
    }
    writer.text(rest);
    writer.finish()
}

/// Splits agora text into its paragraphs (at blank lines), each trimmed.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Style {
    Bold,
    Italic,
    Code,
}

impl Style {
    fn marker(self) -> &'static str {
        match self {
            Style::Bold => "**",
            Style::Italic => "*",
            Style::Code => "`",
        }
    }
}

/// An open `<b>`, `<i>` or `<code>`. Its marker is written just before the
/// first visible character inside it (so an empty one leaves nothing), and
/// closed and opened again around each line break, since agora's marks
/// never span lines.
struct Open {
    style: Style,
    shown: bool,
}

/// An open `<a>`: its `http(s)` address, and where its visible text begins.
struct Link {
    href: Option<String>,
    start: Option<usize>,
}

struct Writer {
    out: String,
    marks: Marks,
    newlines: Newlines,
    /// Newlines owed before the next visible character: 1 for a line break, 2 for a new paragraph.
    pending_break: u8,
    pending_space: bool,
    /// Newlines in the current run of whitespace (WordPress's reading).
    run_newlines: u8,
    line_has_text: bool,
    quote: usize,
    list_item: bool,
    pre: usize,
    styles: Vec<Open>,
    links: Vec<Link>,
}

impl Writer {
    fn new(marks: Marks, newlines: Newlines) -> Writer {
        Writer {
            out: String::new(),
            marks,
            newlines,
            pending_break: 0,
            pending_space: false,
            run_newlines: 0,
            line_has_text: false,
            quote: 0,
            list_item: false,
            pre: 0,
            styles: Vec::new(),
            links: Vec::new(),
        }
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.char(c);
        }
    }

    fn char(&mut self, c: char) {
        match c {
            '\r' => {}
            '\n' if self.pre > 0 => self.line_break(),
            ' ' | '\t' if self.pre > 0 => self.visible(c),
            '\n' if self.newlines == Newlines::WordPress => {
                self.run_newlines = self.run_newlines.saturating_add(1);
                if self.run_newlines >= 2 { self.paragraph_break() } else { self.line_break() }
            }
            ' ' | '\t' | '\n' | '\x0c' => self.pending_space = true,
            c if c.is_control() => {}
            c => self.visible(c),
        }
    }

    /// Writes one visible character, after whatever it owes: the line or
    /// paragraph break, the quote and list markers, a space, the marks.
    fn visible(&mut self, c: char) {
        self.run_newlines = 0;
        if self.pending_break > 0 && !self.out.is_empty() {
            self.close_marks_on_line();
            for _ in 0..self.pending_break {
                self.out.push('\n');
            }
            self.line_has_text = false;
            self.pending_space = false;
        }
        self.pending_break = 0;
        if !self.line_has_text {
            self.pending_space = false;
            if self.quote > 0 && self.marks == Marks::Formatted {
                self.out.push_str("> ");
            }
            if std::mem::take(&mut self.list_item) {
                self.out.push_str("- ");
            }
        } else if std::mem::take(&mut self.pending_space) {
            self.out.push(' ');
        }
        for link in &mut self.links {
            link.start.get_or_insert(self.out.len());
        }
        if self.marks == Marks::Formatted {
            for open in &mut self.styles {
                if !open.shown {
                    self.out.push_str(open.style.marker());
                    open.shown = true;
                }
            }
        }
        self.out.push(c);
        self.line_has_text = true;
    }

    fn visible_str(&mut self, text: &str) {
        for c in text.chars() {
            self.visible(c);
        }
    }

    fn close_marks_on_line(&mut self) {
        for open in self.styles.iter_mut().rev() {
            if std::mem::take(&mut open.shown) {
                self.out.push_str(open.style.marker());
            }
        }
    }

    fn line_break(&mut self) {
        self.pending_break = self.pending_break.max(1);
    }

    /// A new paragraph; inside a quote only a new line, so that the quote stays one.
    fn paragraph_break(&mut self) {
        self.pending_break = self.pending_break.max(if self.quote > 0 { 1 } else { 2 });
    }

    fn open_style(&mut self, style: Style) {
        let in_code = self.styles.iter().any(|open| open.style == Style::Code);
        // Nothing is formatted inside code, and a second <b> inside a <b> adds nothing.
        if !in_code && self.styles.len() < MAX_NESTING && !self.styles.iter().any(|open| open.style == style) {
            self.styles.push(Open { style, shown: false });
        }
    }

    /// Closes the latest open `style`, and with it whatever was opened inside
    /// it and left open (`<b>x<i>y</b>z</i>`): the marks stay well nested,
    /// and no closing mark is followed at once by an opening one.
    fn close_style(&mut self, style: Style) {
        let Some(index) = self.styles.iter().rposition(|open| open.style == style) else { return };
        for open in self.styles.split_off(index).iter().rev() {
            if open.shown {
                self.out.push_str(open.style.marker());
            }
        }
    }

    fn open_link(&mut self, attributes: &str) {
        if self.links.len() < MAX_NESTING {
            let href = attribute(attributes, "href").and_then(web_address);
            self.links.push(Link { href, start: None });
        }
    }

    /// The link's address goes into the text: as the text itself when the
    /// text is that address (or a shortened form of it), else after it.
    fn close_link(&mut self) {
        let Some(Link { href, start }) = self.links.pop() else { return };
        let Some(href) = href else { return };
        let Some(start) = start else {
            self.visible_str(&href);
            return;
        };
        let shown = self.out.get(start..).unwrap_or("");
        let plain = !shown.contains(['*', '`', '\n']);
        if plain && names_address(shown, &href) {
            if shown != href {
                self.out.truncate(start);
                self.pending_space = false;
                self.visible_str(&href);
            }
        } else {
            self.pending_space = true;
            self.visible('(');
            self.visible_str(&href);
            self.visible(')');
        }
    }

    /// Reads the tag (or comment, or declaration) at the start of `tail`,
    /// which starts with `<`, and returns what follows it.
    fn markup<'a>(&mut self, tail: &'a str) -> &'a str {
        let after = tail.get(1..).unwrap_or("");
        if let Some(comment) = after.strip_prefix("!--") {
            return comment.find("-->").and_then(|end| comment.get(end + 3..)).unwrap_or("");
        }
        let closing = after.starts_with('/');
        let name_from = usize::from(closing);
        let starts_tag = after.get(name_from..).and_then(|s| s.chars().next()).is_some_and(|c| c.is_ascii_alphabetic());
        if !starts_tag && !after.starts_with(['!', '?']) {
            // Not a tag ("a < b"): the character itself.
            self.char('<');
            return after;
        }
        // A tag ends at the first '>'; without one, the rest was never a tag.
        let Some(end) = after.find('>') else {
            self.text(tail);
            return "";
        };
        let inside = after.get(name_from..end).unwrap_or("");
        let rest = after.get(end + 1..).unwrap_or("");
        if !starts_tag {
            return rest; // <!DOCTYPE …>, <?…?>
        }
        let name_length = inside.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(inside.len());
        let name = inside.get(..name_length).unwrap_or("").to_ascii_lowercase();
        let attributes = inside.get(name_length..).unwrap_or("");
        if closing {
            self.end_tag(&name);
            rest
        } else {
            self.start_tag(&name, attributes, rest)
        }
    }

    fn start_tag<'a>(&mut self, name: &str, attributes: &str, rest: &'a str) -> &'a str {
        match name {
            "script" | "style" => return skip_element(rest, name),
            "br" => self.line_break(),
            "blockquote" => {
                self.pending_break = 2;
                self.quote += 1;
            }
            "li" => {
                self.line_break();
                self.list_item = true;
            }
            "pre" => {
                self.paragraph_break();
                self.pre += 1;
            }
            "b" | "strong" => self.open_style(Style::Bold),
            "i" | "em" => self.open_style(Style::Italic),
            "code" | "tt" | "kbd" | "samp" => self.open_style(Style::Code),
            "a" => self.open_link(attributes),
            "td" | "th" => self.pending_space = true,
            name if is_block(name) => self.paragraph_break(),
            _ => {}
        }
        rest
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            "blockquote" => {
                self.quote = self.quote.saturating_sub(1);
                self.pending_break = if self.quote > 0 { self.pending_break.max(1) } else { 2 };
            }
            "li" => {
                self.line_break();
                self.list_item = false;
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.paragraph_break();
            }
            "b" | "strong" => self.close_style(Style::Bold),
            "i" | "em" => self.close_style(Style::Italic),
            "code" | "tt" | "kbd" | "samp" => self.close_style(Style::Code),
            "a" => self.close_link(),
            "td" | "th" => self.pending_space = true,
            name if is_block(name) => self.paragraph_break(),
            _ => {}
        }
    }

    fn finish(mut self) -> String {
        while let Some(link) = self.links.last() {
            if link.href.is_some() && link.start.is_some() {
                self.close_link();
            } else {
                self.links.pop();
            }
        }
        self.close_marks_on_line();
        let kept = self.out.trim_end().len();
        self.out.truncate(kept);
        // Kept until the end of an export: no more memory than the text.
        self.out.shrink_to_fit();
        self.out
    }
}

/// Elements that stand on lines of their own (a new paragraph before and after).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "hr"
            | "table"
            | "tr"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
    )
}

/// What follows the end of the `<script>` or `<style>` element whose
/// content starts `rest`: its content is dropped, whatever it holds.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let closing = format!("</{name}");
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(found) = rest.get(from..).and_then(|s| s.find("</")) {
        let at = from + found;
        let candidate = bytes.get(at..at + closing.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(closing.as_bytes())) {
            let after = rest.get(at..).unwrap_or("");
            return after.find('>').and_then(|end| after.get(end + 1..)).unwrap_or("");
        }
        from = at + 2;
    }
    ""
}

/// The value of attribute `name` in a tag's attribute text, entities decoded.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_length = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let key = rest.get(..key_length).unwrap_or("");
        rest = rest.get(key_length..).unwrap_or("").trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, tail) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let inner = after.get(1..).unwrap_or("");
                    let end = inner.find(quote).unwrap_or(inner.len());
                    (inner.get(..end).unwrap_or(""), inner.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(|c: char| c.is_ascii_whitespace()).unwrap_or(after.len());
                    (after.get(..end).unwrap_or(""), after.get(end..).unwrap_or(""))
                }
            };
            rest = tail;
            value
        } else {
            ""
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(decode_entities(value));
        }
    }
}

/// An `http:` or `https:` address without spaces or control characters.
fn web_address(href: String) -> Option<String> {
    let href = href.trim().to_string();
    let lower = href.get(..8).unwrap_or(&href).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !href.chars().any(|c| c.is_whitespace() || c.is_control());
    let more_than_scheme = href.split_once("://").is_some_and(|(_, rest)| !rest.is_empty());
    (web && clean && more_than_scheme).then_some(href)
}

/// Whether a link's text is its address, perhaps without the scheme, `www.`
/// or the final `/`, or shortened with an ellipsis (as Disqus shows long ones).
fn names_address(text: &str, href: &str) -> bool {
    fn bare(address: &str) -> &str {
        let address = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://")).unwrap_or(address);
        let address = address.strip_prefix("www.").unwrap_or(address);
        address.strip_suffix('/').unwrap_or(address)
    }
    let (text, href) = (bare(text.trim()), bare(href));
    if text == href {
        return true;
    }
    let shortened = text.strip_suffix('…').or_else(|| text.strip_suffix("...")).map(bare);
    shortened.is_some_and(|start| start.len() >= 4 && href.starts_with(start))
}

/// Decodes every entity in an attribute value.
fn decode_entities(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + 1..).unwrap_or("");
        match entity(after) {
            Some((c, length)) => {
                out.push(c);
                rest = after.get(length..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The entity at the start of `after` (what follows a `&`): what it stands
/// for and how many bytes it takes, with its `;`. Unknown ones stay text.
fn entity(after: &str) -> Option<(char, usize)> {
    // The longest entity read here (`&#x10FFFF;` or a name) is short: look no further.
    let end = after.bytes().take(12).position(|b| b == b';')?;
    let body = after.get(..end)?;
    let decoded = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // As browsers do: NUL, surrogates and beyond Unicode become U+FFFD.
        char::from_u32(value).filter(|&c| c != '\0').unwrap_or('\u{FFFD}')
    } else {
        named(body)?
    };
    Some((decoded, end + 1))
}

fn named(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "shy" => '\u{AD}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "iexcl" => '¡',
        "iquest" => '¿',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "uacute" => 'ú',
        "uuml" => 'ü',
        "szlig" => 'ß',
        "Eacute" => 'É',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "larr" => '←',
        "rarr" => '→',
        "hearts" => '♥',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(html: &str) -> String {
        convert(html, Marks::Formatted, Newlines::Html)
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        assert_eq!(comment("<p>One</p><p>Two<br>lines</p>"), "One\n\nTwo\nlines");
        assert_eq!(comment("<div>a</div>\n  <div>b</div>"), "a\n\nb");
        assert_eq!(comment("<p>  spaced \n\t out  </p>"), "spaced out");
    }

    #[test]
    fn formatting_becomes_marks() {
        assert_eq!(comment("<b>bold</b>, <em>it</em> and <code>x = 1</code>"), "**bold**, *it* and `x = 1`");
        assert_eq!(comment("a <strong> spaced </strong> b"), "a **spaced** b");
        // Empty formatting leaves nothing; nested formatting of one kind adds nothing.
        assert_eq!(comment("a<b></b> <i> </i>b <b><b>c</b></b>"), "a b **c**");
        // Marks never span a line: each line closes and reopens them.
        assert_eq!(comment("<b>one<br>two</b>"), "**one**\n**two**");
        // Badly nested tags still give well-nested marks.
        assert_eq!(comment("<b>x<i>y</b>z</i>"), "**x*y***z");
        // Inside code nothing is formatted.
        assert_eq!(comment("<code>a<b>b</b></code>"), "`ab`");
    }

    #[test]
    fn plain_marks_leave_formatting_out() {
        assert_eq!(
            convert("<p><b>Bold</b> claim</p><blockquote>quoted</blockquote>", Marks::Plain, Newlines::Html),
            "Bold claim\n\nquoted"
        );
    }

    #[test]
    fn quotes_become_quote_lines() {
        assert_eq!(comment("Said:<blockquote><p>one</p><p>two</p></blockquote>Yes"), "Said:\n\n> one\n> two\n\nYes");
    }

    #[test]
    fn lists_become_dashed_lines() {
        assert_eq!(comment("<ul><li>one</li><li>two</li></ul>after"), "- one\n- two\n\nafter");
    }

    #[test]
    fn links_keep_their_address() {
        assert_eq!(comment(r#"<a href="https://x.org/a">https://x.org/a</a>"#), "https://x.org/a");
        assert_eq!(comment(r#"see <a href="https://x.org/a">the page</a>."#), "see the page (https://x.org/a).");
        assert_eq!(comment(r#"<a href="https://x.org/a" rel="nofollow">x.org/a</a>"#), "https://x.org/a");
        assert_eq!(
            comment(r#"<a href="https://example.com/a/long/path">example.com/a/lo…</a>"#),
            "https://example.com/a/long/path"
        );
        assert_eq!(comment(r#"<a href='https://x.org/?a=1&amp;b=2'></a>"#), "https://x.org/?a=1&b=2");
        // Other schemes keep only the text.
        assert_eq!(comment(r#"<a href="javascript:alert(1)">click</a>"#), "click");
        assert_eq!(comment(r#"<a href="/relative">here</a>"#), "here");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            comment("Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&#x27; &hellip; &eacute;"),
            "Tom & Jerry <3 \"x\" 'y' … é"
        );
        assert_eq!(comment("a&nbsp;b"), "a\u{A0}b");
        // Unknown, unfinished and impossible ones.
        assert_eq!(comment("&bogus; &amp &#xD800; &#0;"), "&bogus; &amp \u{FFFD} \u{FFFD}");
    }

    #[test]
    fn hostile_markup_stays_text() {
        assert_eq!(comment("<script>alert(1)</script>Hi<style>p{}</style>"), "Hi");
        assert_eq!(comment("<SCRIPT type=x>a</b></ScRiPt >after"), "after");
        assert_eq!(comment("<img src=x onerror=alert(1)>ok"), "ok");
        // Escaped markup is text, and shown as text by agora.
        assert_eq!(comment("&lt;script&gt;alert(1)&lt;/script&gt;"), "<script>alert(1)</script>");
        assert_eq!(comment("a < b and c > d"), "a < b and c > d");
        assert_eq!(comment("unfinished <b"), "unfinished <b");
        assert_eq!(comment("<!-- hidden -->shown<!-- unclosed"), "shown");
        assert_eq!(comment("<script>never closed"), "");
    }

    #[test]
    fn nothing_visible_is_empty() {
        assert_eq!(comment("<p> </p><br><b></b>&#32;"), "");
    }

    #[test]
    fn wordpress_newlines_are_breaks() {
        let text = convert("First line\nsecond line\n\nNew <em>paragraph</em>", Marks::Formatted, Newlines::WordPress);
        assert_eq!(text, "First line\nsecond line\n\nNew *paragraph*");
        assert_eq!(convert("<p>a</p>\n<p>b</p>", Marks::Formatted, Newlines::WordPress), "a\n\nb");
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        assert_eq!(comment("<pre>a  b\n  c</pre>"), "a  b\n  c");
    }

    #[test]
    fn deep_nesting_and_long_input_stay_fast() {
        let deep = "<b><i><code><a href=\"https://x.org\">".repeat(20_000) + "x";
        assert!(comment(&deep).contains('x'));
        let brackets = "<a".repeat(100_000);
        assert_eq!(comment(&brackets).len(), brackets.len());
        assert_eq!(comment(&"&".repeat(100_000)).len(), 100_000);
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n\n c \n\n"), vec!["a\nb".to_string(), "c".to_string()]);
    }
}
