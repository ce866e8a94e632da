//! The small formatting subset readers may use in a comment: `**bold**`,
//! `*italic*`, `` `code` ``, `> ` quote lines, paragraphs and line breaks,
//! and bare `http(s)://` links. Everything else is shown as typed.
//!
//! This only builds a tree of plain values; the view turns every piece of it
//! into text nodes, so no reader text is ever interpreted as HTML. The parser
//! runs in linear time and never panics, whatever the input.

/// A paragraph or a quote: the lines that a blank line (or a change between
/// quoted and unquoted lines) separates from the next block.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<Line>),
    /// Consecutive lines that began with `>`, without that marker.
    Quote(Vec<Line>),
}

/// One line of a block; lines are shown with a line break between them.
pub type Line = Vec<Inline>;

/// A piece of a line. Text is always shown as text, whatever it looks like.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// Shown as typed: nothing inside a code span is formatted.
    Code(String),
    /// An `http:` or `https:` URL; its text is the URL itself.
    Link {
        href: String,
    },
}

/// Deeper nesting than this is shown as literal markers. Real comments nest
/// two or three levels; the limit keeps recursive code over the tree (drop,
/// rendering) from exhausting the stack on hostile input.
const MAX_NESTING: usize = 16;

/// Splits `text` into blocks and parses each line's inline formatting.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut after_blank = true;
    for raw in text.split('\n') {
        // A Windows line ending is a line break, not text.
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            after_blank = true;
            continue;
        }
        let (quoted, content) = match line.strip_prefix('>') {
            Some(rest) => (true, rest.strip_prefix(' ').unwrap_or(rest)),
            None => (false, line),
        };
        let inlines = parse_line(content);
        match blocks.last_mut() {
            Some(Block::Quote(lines)) if quoted && !after_blank => lines.push(inlines),
            Some(Block::Paragraph(lines)) if !quoted && !after_blank => lines.push(inlines),
            _ if quoted => blocks.push(Block::Quote(vec![inlines])),
            _ => blocks.push(Block::Paragraph(vec![inlines])),
        }
        after_blank = false;
    }
    blocks
}

/// The reader's text without its formatting markers: lines joined by `\n`,
/// blocks by a blank line.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (index, block) in blocks.iter().enumerate() {
        if index > 0 {
            out.push_str("\n\n");
        }
        for (line_index, line) in block_lines(block).iter().enumerate() {
            if line_index > 0 {
                out.push('\n');
            }
            push_plain(&mut out, line);
        }
    }
    out
}

fn push_plain(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::Link { href: text } => out.push_str(text),
            Inline::Strong(children) | Inline::Emphasis(children) => push_plain(out, children),
        }
    }
}

fn block_lines(block: &Block) -> &[Line] {
    match block {
        Block::Paragraph(lines) | Block::Quote(lines) => lines,
    }
}

// ---------------------------------------------------------------------------
// Inline formatting of one line.
//
// Two passes: `scan` cuts the line into text, code spans, links and runs of
// `*`, pairing runs as it goes (always with the nearest open run, so pairs
// nest properly); `build` then turns that flat list into the tree.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    Strong,
    Emphasis,
}

impl Mark {
    fn width(self) -> usize {
        match self {
            Mark::Strong => 2,
            Mark::Emphasis => 1,
        }
    }

    fn literal(self) -> &'static str {
        match self {
            Mark::Strong => "**",
            Mark::Emphasis => "*",
        }
    }
}

enum Piece<'a> {
    Text(&'a str),
    Code(&'a str),
    Link(&'a str),
    Stars(Stars),
}

/// A run of `*`. In text order it is: the marks it closes, the stars left
/// over as text, then the marks it opens (outermost first).
struct Stars {
    len: usize,
    closes: Vec<Mark>,
    /// Innermost first: a run's stars are paired from its inner end.
    opens: Vec<Mark>,
}

impl Stars {
    fn new(len: usize) -> Self {
        Stars { len, closes: Vec::new(), opens: Vec::new() }
    }

    fn used(&self) -> usize {
        self.closes.iter().chain(&self.opens).map(|mark| mark.width()).sum()
    }
}

fn parse_line(line: &str) -> Line {
    build(scan(line))
}

fn scan(line: &str) -> Vec<Piece<'_>> {
    let bytes = line.as_bytes();
    let ticks = BacktickRuns::new(bytes);
    let mut pieces = Vec::new();
    // Runs of `*` that may still be closed: (index in `pieces`, stars left).
    let mut open_runs = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    // Every marker is ASCII, and ASCII bytes never occur inside a multi-byte
    // UTF-8 sequence, so each `at` that stops on a marker is a char boundary.
    while at < bytes.len() {
        let found = match bytes[at] {
            b'`' => {
                let span = ticks.code_span_at(at);
                if span.is_none() {
                    // Unmatched backticks are text, the whole run at once.
                    at += ticks.run_len_at(at);
                }
                span.map(|(code, end)| (Piece::Code(&line[code]), end))
            }
            b'*' => {
                let end = at + bytes[at..].iter().take_while(|&&b| b == b'*').count();
                Some((Piece::Stars(Stars::new(end - at)), end))
            }
            b'h' | b'H' => {
                let end = link_at(line, at);
                if end.is_none() {
                    at += 1;
                }
                end.map(|end| (Piece::Link(&line[at..end]), end))
            }
            _ => {
                at += 1;
                None
            }
        };
        let Some((piece, end)) = found else {
            continue;
        };
        if text_start < at {
            pieces.push(Piece::Text(&line[text_start..at]));
        }
        if let Piece::Stars(_) = piece {
            let flanks = Flanks::around(line, at, end);
            pieces.push(piece);
            pair_stars(&mut pieces, &mut open_runs, flanks);
        } else {
            pieces.push(piece);
        }
        text_start = end;
        at = end;
    }
    if text_start < bytes.len() {
        pieces.push(Piece::Text(&line[text_start..]));
    }
    pieces
}

/// Whether a run of `*` may open or close a mark. A space inside the
/// markers (`2 * 3 * 4`) means they are not markers.
struct Flanks {
    can_open: bool,
    can_close: bool,
}

impl Flanks {
    fn around(line: &str, start: usize, end: usize) -> Self {
        let before = line[..start].chars().next_back();
        let after = line[end..].chars().next();
        Flanks {
            can_open: after.is_some_and(|c| !c.is_whitespace()),
            can_close: before.is_some_and(|c| !c.is_whitespace()),
        }
    }
}

/// Pairs the run of `*` just pushed onto `pieces` with the nearest open runs
/// before it, then leaves what is left of it open if it can open. Always
/// pairing with the nearest keeps pairs properly nested, and each step uses
/// up stars, so this is linear in the length of the line.
fn pair_stars(pieces: &mut [Piece<'_>], open_runs: &mut Vec<(usize, usize)>, flanks: Flanks) {
    let index = pieces.len().saturating_sub(1);
    let mut closes = Vec::new();
    let mut left = match pieces.get(index) {
        Some(Piece::Stars(run)) => run.len,
        _ => return,
    };
    while flanks.can_close && left > 0 {
        let Some((opener_index, opener_left)) = open_runs.last_mut() else {
            break;
        };
        let mark = if left >= 2 && *opener_left >= 2 { Mark::Strong } else { Mark::Emphasis };
        if let Some(Piece::Stars(opener)) = pieces.get_mut(*opener_index) {
            opener.opens.push(mark);
        }
        closes.push(mark);
        left -= mark.width();
        *opener_left -= mark.width();
        if *opener_left == 0 {
            open_runs.pop();
        }
    }
    if let Some(Piece::Stars(run)) = pieces.get_mut(index) {
        run.closes = closes;
    }
    if flanks.can_open && left > 0 {
        open_runs.push((index, left));
    }
}

/// The runs of backticks in a line, each knowing the next run of the same
/// length: that is where a code span opened by it ends. Knowing it up front
/// keeps a line of many unmatched backticks linear.
struct BacktickRuns {
    /// (start, length, index of the next run of the same length)
    runs: Vec<(usize, usize, Option<usize>)>,
}

impl BacktickRuns {
    fn new(bytes: &[u8]) -> Self {
        let mut runs = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at] == b'`' {
                let len = bytes[at..].iter().take_while(|&&b| b == b'`').count();
                runs.push((at, len, None));
                at += len;
            } else {
                at += 1;
            }
        }
        let mut next_of_len = crate::model::FxHashMap::default();
        for index in (0..runs.len()).rev() {
            let len = runs[index].1;
            runs[index].2 = next_of_len.insert(len, index);
        }
        BacktickRuns { runs }
    }

    fn find(&self, start: usize) -> Option<&(usize, usize, Option<usize>)> {
        self.runs.binary_search_by_key(&start, |run| run.0).ok().and_then(|index| self.runs.get(index))
    }

    /// At least 1, so that the caller always moves on.
    fn run_len_at(&self, start: usize) -> usize {
        self.find(start).map_or(1, |run| run.1.max(1))
    }

    /// The code between the run starting at `start` and its closing run, and
    /// the byte after that closing run.
    fn code_span_at(&self, start: usize) -> Option<(std::ops::Range<usize>, usize)> {
        let &(_, len, next) = self.find(start)?;
        let &(close, close_len, _) = self.runs.get(next?)?;
        Some((start + len..close, close + close_len))
    }
}

/// Characters that end a URL: nothing a URL may contain unescaped, and
/// invisible controls that could disguise where a link goes.
fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '<' | '>' | '"' | '`')
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Punctuation that ends a sentence more often than a URL.
fn is_trailing_punctuation(c: char) -> bool {
    ".,:;!?'*…”’»。，、".contains(c)
}

/// The end of an `http://` or `https://` URL that starts at `start`, if one
/// does. Only those two schemes are ever linked.
fn link_at(line: &str, start: usize) -> Option<usize> {
    // `xhttp://` is not a URL that starts here.
    if line[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let rest = &line[start..];
    let scheme_len = ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = rest.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme).then_some(scheme.len())
    })?;
    // Checked before finding the URL's end, so that a long line of
    // `http://.http://.…` is not scanned to its end once per `http`.
    if !rest[scheme_len..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let len = rest.find(ends_url).unwrap_or(rest.len());
    // Trimming stops at the alphanumeric host, so the URL is never empty.
    Some(start + trim_trailing_punctuation(&rest[..len]).len())
}

/// Drops sentence punctuation after a URL, and closing brackets that close
/// nothing opened inside it: `(see https://a.org/x_(y))` keeps `x_(y)`.
fn trim_trailing_punctuation(url: &str) -> &str {
    let unclosed = |open, close| url.matches(close).count().saturating_sub(url.matches(open).count());
    let mut unclosed_parens = unclosed('(', ')');
    let mut unclosed_brackets = unclosed('[', ']');
    let mut url = url;
    while let Some(last) = url.chars().next_back() {
        let strip = match last {
            ')' if unclosed_parens > 0 => {
                unclosed_parens -= 1;
                true
            }
            ']' if unclosed_brackets > 0 => {
                unclosed_brackets -= 1;
                true
            }
            c => is_trailing_punctuation(c),
        };
        if !strip {
            break;
        }
        url = &url[..url.len() - last.len_utf8()];
    }
    url
}

/// One level of the tree being built: the mark that opened it and what it
/// holds so far.
struct Frame {
    mark: Mark,
    children: Vec<Inline>,
}

fn build(pieces: Vec<Piece<'_>>) -> Line {
    let mut root = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    // Marks opened beyond `MAX_NESTING`, shown as text. Pairs nest, so these
    // are always inside every frame and are closed before any of them.
    let mut flattened: Vec<Mark> = Vec::new();

    for piece in pieces {
        match piece {
            Piece::Text(text) => push_text(current(&mut root, &mut frames), text),
            Piece::Code(code) => current(&mut root, &mut frames).push(Inline::Code(code.into())),
            Piece::Link(href) => current(&mut root, &mut frames).push(Inline::Link { href: href.into() }),
            Piece::Stars(stars) => {
                for &mark in &stars.closes {
                    close(&mut root, &mut frames, &mut flattened, mark);
                }
                let unused = stars.len.saturating_sub(stars.used());
                push_text(current(&mut root, &mut frames), &"*".repeat(unused));
                for &mark in stars.opens.iter().rev() {
                    if frames.len() < MAX_NESTING {
                        frames.push(Frame { mark, children: Vec::new() });
                    } else {
                        flattened.push(mark);
                        push_text(current(&mut root, &mut frames), mark.literal());
                    }
                }
            }
        }
    }
    // `scan` only records pairs, so every frame has been closed by now.
    while let Some(mark) = frames.last().map(|frame| frame.mark) {
        close(&mut root, &mut frames, &mut flattened, mark);
    }
    root
}

fn close(root: &mut Line, frames: &mut Vec<Frame>, flattened: &mut Vec<Mark>, mark: Mark) {
    if flattened.pop().is_some() {
        push_text(current(root, frames), mark.literal());
        return;
    }
    let Some(frame) = frames.pop() else {
        return;
    };
    let inline = match frame.mark {
        Mark::Strong => Inline::Strong(frame.children),
        Mark::Emphasis => Inline::Emphasis(frame.children),
    };
    current(root, frames).push(inline);
}

fn current<'v>(root: &'v mut Line, frames: &'v mut [Frame]) -> &'v mut Line {
    match frames.last_mut() {
        Some(frame) => &mut frame.children,
        None => root,
    }
}

/// Appends text, joining it to the text before so that a line reads as few
/// text nodes as possible.
fn push_text(inlines: &mut Line, text: &str) {
    if text.is_empty() {
        return;
    }
    match inlines.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => inlines.push(Inline::Text(text.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn strong(children: Vec<Inline>) -> Inline {
        Inline::Strong(children)
    }

    fn em(children: Vec<Inline>) -> Inline {
        Inline::Emphasis(children)
    }

    fn code(s: &str) -> Inline {
        Inline::Code(s.into())
    }

    fn link(href: &str) -> Inline {
        Inline::Link { href: href.into() }
    }

    /// The inlines of an input that must be a single one-line paragraph.
    fn line(input: &str) -> Line {
        match parse(input).as_slice() {
            [Block::Paragraph(lines)] if lines.len() == 1 => lines[0].clone(),
            other => panic!("{input:?} is not one line: {other:?}"),
        }
    }

    /// An input that must come out exactly as typed, as one text.
    fn assert_literal(input: &str) {
        assert_eq!(line(input), vec![text(input)], "{input:?}");
    }

    // Formatting

    #[test]
    fn plain_text_is_a_paragraph_of_one_text() {
        assert_eq!(
            parse("Just words, nothing more."),
            vec![Block::Paragraph(vec![vec![text("Just words, nothing more.")]])]
        );
    }

    #[test]
    fn empty_and_blank_input_has_no_blocks() {
        assert_eq!(parse(""), vec![]);
        assert_eq!(parse(" \n\t\n\r\n"), vec![]);
    }

    #[test]
    fn double_stars_make_strong() {
        assert_eq!(line("a **bold** move"), vec![text("a "), strong(vec![text("bold")]), text(" move")]);
    }

    #[test]
    fn single_stars_make_emphasis() {
        assert_eq!(line("an *italic* word"), vec![text("an "), em(vec![text("italic")]), text(" word")]);
    }

    #[test]
    fn stars_inside_a_word_still_pair() {
        assert_eq!(line("un*frigging*believable"), vec![text("un"), em(vec![text("frigging")]), text("believable"),]);
    }

    #[test]
    fn backticks_make_code() {
        assert_eq!(line("run `cargo test` now"), vec![text("run "), code("cargo test"), text(" now"),]);
    }

    #[test]
    fn nothing_inside_code_is_formatted() {
        assert_eq!(
            line("`**not bold** *nor* https://example.com <b>`"),
            vec![code("**not bold** *nor* https://example.com <b>")]
        );
    }

    #[test]
    fn double_backticks_allow_a_backtick_inside_code() {
        assert_eq!(line("``a ` b`` c"), vec![code("a ` b"), text(" c")]);
    }

    #[test]
    fn code_keeps_its_spaces() {
        assert_eq!(line("` x `"), vec![code(" x ")]);
    }

    #[test]
    fn code_outranks_stars_that_straddle_it() {
        assert_eq!(line("*a `b* c`"), vec![text("*a "), code("b* c")]);
    }

    // Nesting

    #[test]
    fn strong_may_hold_emphasis() {
        assert_eq!(line("**very *much* so**"), vec![strong(vec![text("very "), em(vec![text("much")]), text(" so")])]);
    }

    #[test]
    fn emphasis_may_hold_strong() {
        assert_eq!(line("*very **much** so*"), vec![em(vec![text("very "), strong(vec![text("much")]), text(" so")])]);
    }

    #[test]
    fn triple_stars_make_strong_emphasis() {
        assert_eq!(line("***both***"), vec![em(vec![strong(vec![text("both")])])]);
    }

    #[test]
    fn a_run_of_three_may_close_two_marks_at_different_places() {
        assert_eq!(line("***a* b**"), vec![strong(vec![em(vec![text("a")]), text(" b")])]);
    }

    #[test]
    fn links_and_code_may_sit_inside_marks() {
        assert_eq!(
            line("**see https://example.com/a and `x`**"),
            vec![strong(vec![text("see "), link("https://example.com/a"), text(" and "), code("x"),])]
        );
        assert_eq!(line("*https://example.com*"), vec![em(vec![link("https://example.com")])]);
    }

    fn depth(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::Strong(children) | Inline::Emphasis(children) => 1 + depth(children),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_shown_as_markers() {
        let extra = 4;
        let levels = MAX_NESTING + extra;
        let input = format!("{}x{}", "*a ".repeat(levels), "*".repeat(levels));
        let blocks = parse(&input);
        assert_eq!(depth(&line(&input)), MAX_NESTING);
        assert_eq!(
            plain_text(&blocks),
            format!("{}{}x{}", "a ".repeat(MAX_NESTING), "*a ".repeat(extra), "*".repeat(extra))
        );
    }

    // Unmatched and non-markers

    #[test]
    fn unmatched_markers_are_text() {
        for input in ["**bold", "bold**", "a lone * star", "*", "**", "***", "`code", "a ` b"] {
            assert_literal(input);
        }
    }

    #[test]
    fn stars_with_spaces_inside_are_text() {
        for input in ["2 * 3 * 4", "* not italic *", "** not bold **", "a *b * c", "x* y*"] {
            assert_literal(input);
        }
    }

    #[test]
    fn leftover_stars_stay_where_they_were_typed() {
        assert_eq!(line("**a*"), vec![text("*"), em(vec![text("a")])]);
        assert_eq!(line("*a**"), vec![em(vec![text("a")]), text("*")]);
        assert_eq!(line("***a**"), vec![text("*"), strong(vec![text("a")])]);
    }

    #[test]
    fn markers_do_not_span_lines_or_paragraphs() {
        assert_eq!(parse("**one\ntwo**"), vec![Block::Paragraph(vec![vec![text("**one")], vec![text("two**")]])]);
        assert_eq!(
            parse("*one\n\ntwo*"),
            vec![Block::Paragraph(vec![vec![text("*one")]]), Block::Paragraph(vec![vec![text("two*")]]),]
        );
        assert_eq!(parse("`one\ntwo`"), vec![Block::Paragraph(vec![vec![text("`one")], vec![text("two`")]])]);
    }

    #[test]
    fn html_looking_text_stays_text() {
        for input in [
            "<b>x</b>",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "&lt;b&gt; &amp; &#x3C;",
            "<a href=\"javascript:alert(1)\">click</a>",
        ] {
            assert_literal(input);
        }
    }

    // Links

    #[test]
    fn http_and_https_urls_become_links() {
        assert_eq!(
            line("see http://example.com/a?b=1&c=2#d ok"),
            vec![text("see "), link("http://example.com/a?b=1&c=2#d"), text(" ok"),]
        );
        assert_eq!(line("https://example.com"), vec![link("https://example.com")]);
        assert_eq!(line("HTTPS://EXAMPLE.COM/X"), vec![link("HTTPS://EXAMPLE.COM/X")]);
    }

    #[test]
    fn other_schemes_are_never_links() {
        for input in [
            "javascript:alert(1)",
            "javascript://example.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "ftp://example.com",
            "file:///etc/passwd",
            "//example.com",
            "www.example.com",
        ] {
            assert_literal(input);
        }
    }

    #[test]
    fn a_scheme_inside_a_word_or_without_a_host_is_not_a_link() {
        for input in ["xhttp://example.com", "http://", "https:// example", "http://.com", "http:/x"] {
            assert_literal(input);
        }
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_a_link() {
        for punctuation in [".", ",", ")", "!", "?", ":", ";", "'", "...", "?!", "…", "”"] {
            let input = format!("https://example.com/x{punctuation}");
            assert_eq!(line(&input), vec![link("https://example.com/x"), text(punctuation)], "{input:?}");
        }
    }

    #[test]
    fn punctuation_inside_a_link_stays_in_it() {
        assert_eq!(
            line("https://example.com/a.b,c;d:e!f?g=h."),
            vec![link("https://example.com/a.b,c;d:e!f?g=h"), text(".")]
        );
    }

    #[test]
    fn a_closing_paren_stays_only_if_the_link_opened_it() {
        assert_eq!(
            line("(see https://en.wikipedia.org/wiki/Rust_(programming_language))."),
            vec![text("(see "), link("https://en.wikipedia.org/wiki/Rust_(programming_language)"), text(")."),]
        );
        assert_eq!(line("(https://example.com)"), vec![text("("), link("https://example.com"), text(")"),]);
        assert_eq!(line("[https://example.com/[1]]"), vec![text("["), link("https://example.com/[1]"), text("]"),]);
    }

    #[test]
    fn links_end_at_spaces_quotes_and_angle_brackets() {
        assert_eq!(line("<https://example.com>"), vec![text("<"), link("https://example.com"), text(">"),]);
        assert_eq!(line("\"https://example.com\" x"), vec![text("\""), link("https://example.com"), text("\" x"),]);
        assert_eq!(line("https://a.example\u{00A0}b"), vec![link("https://a.example"), text("\u{00A0}b"),]);
    }

    #[test]
    fn links_end_at_invisible_direction_controls() {
        assert_eq!(
            line("https://example.com\u{202E}moc.live"),
            vec![link("https://example.com"), text("\u{202E}moc.live"),]
        );
    }

    #[test]
    fn links_may_hold_non_ascii_text() {
        assert_eq!(
            line("https://de.wikipedia.org/wiki/Köln."),
            vec![link("https://de.wikipedia.org/wiki/Köln"), text("."),]
        );
    }

    #[test]
    fn stars_around_a_link_are_marks_not_part_of_it() {
        assert_eq!(line("**https://example.com/x**"), vec![strong(vec![link("https://example.com/x")])]);
    }

    // Blocks

    #[test]
    fn a_line_break_stays_a_line_break() {
        assert_eq!(
            parse("one\ntwo\nthree"),
            vec![Block::Paragraph(vec![vec![text("one")], vec![text("two")], vec![text("three")],])]
        );
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let expected = vec![Block::Paragraph(vec![vec![text("one")]]), Block::Paragraph(vec![vec![text("two")]])];
        assert_eq!(parse("one\n\ntwo"), expected);
        assert_eq!(parse("\n\none\n\n\n\ntwo\n\n"), expected);
        assert_eq!(parse("one\n   \t\ntwo"), expected);
        assert_eq!(parse("one\r\n\r\ntwo\r\n"), expected);
    }

    #[test]
    fn spaces_inside_lines_are_kept() {
        assert_eq!(
            parse("  indented\ttab  \n trailing "),
            vec![Block::Paragraph(vec![vec![text("  indented\ttab  ")], vec![text(" trailing ")]])]
        );
    }

    #[test]
    fn quote_lines_form_one_quote_block() {
        assert_eq!(
            parse("> first\n> second\n>third\n>\n> *last*\n\nreply"),
            vec![
                Block::Quote(vec![
                    vec![text("first")],
                    vec![text("second")],
                    vec![text("third")],
                    vec![],
                    vec![em(vec![text("last")])],
                ]),
                Block::Paragraph(vec![vec![text("reply")]]),
            ]
        );
    }

    #[test]
    fn only_the_quote_marker_and_one_space_are_removed() {
        assert_eq!(
            parse(">  two spaces\n>> nested"),
            vec![Block::Quote(vec![vec![text(" two spaces")], vec![text("> nested")]])]
        );
    }

    #[test]
    fn quotes_and_paragraphs_alternate_without_blank_lines() {
        assert_eq!(
            parse("intro\n> quoted\nanswer"),
            vec![
                Block::Paragraph(vec![vec![text("intro")]]),
                Block::Quote(vec![vec![text("quoted")]]),
                Block::Paragraph(vec![vec![text("answer")]]),
            ]
        );
    }

    #[test]
    fn a_blank_line_separates_two_quotes() {
        assert_eq!(
            parse("> one\n\n> two"),
            vec![Block::Quote(vec![vec![text("one")]]), Block::Quote(vec![vec![text("two")]])]
        );
    }

    #[test]
    fn a_marker_not_at_the_start_of_a_line_is_text() {
        assert_eq!(
            parse(" > not a quote\n3 > 2"),
            vec![Block::Paragraph(vec![vec![text(" > not a quote")], vec![text("3 > 2")]])]
        );
    }

    // Any input

    #[test]
    fn multi_byte_text_around_markers_is_kept() {
        assert_eq!(line("😀*héllo*😀"), vec![text("😀"), em(vec![text("héllo")]), text("😀"),]);
        assert_eq!(line("**שלום** עולם"), vec![strong(vec![text("שלום")]), text(" עולם")]);
        assert_literal("\u{200F}مرحبا\u{200E} e\u{301} 👩‍👩‍👧 \u{FEFF}");
    }

    #[test]
    fn a_long_word_is_one_text() {
        let word = "é".repeat(5_000);
        assert_literal(&word);
    }

    #[test]
    fn nothing_typed_is_dropped_but_markers() {
        let inputs = [
            "**a *b `c* d` e** f*",
            "> q *x\n>y**\n\nhttps://example.com/(a)).*\n\n`` ` ``",
            "***x** y* z ***",
            "😀 * ** *** ` `` ``` h http https:// HTTP://x.y*)",
            "(a [b https://e.org/x_(y)] c) **d** *e*",
        ];
        let significant =
            |s: &str| -> String { s.chars().filter(|c| !matches!(c, '*' | '`' | '>') && !c.is_whitespace()).collect() };
        for input in inputs {
            assert_eq!(significant(&plain_text(&parse(input))), significant(input), "{input:?}");
        }
    }

    #[test]
    fn plain_text_joins_lines_and_blocks() {
        assert_eq!(plain_text(&parse("> a **b**\n> c\n\nd `e`\nf")), "a b\nc\n\nd e\nf");
    }

    #[test]
    fn pathological_inputs_parse_in_linear_time() {
        // Each is a megabyte or more: a quadratic parser would not finish.
        let n = 1 << 20;
        let stars = "*".repeat(n);
        assert_literal(&stars);
        assert_literal(&"`".repeat(n));
        assert_literal("** ".repeat(n / 3).trim_end());
        assert_literal(&"http://.".repeat(n / 8));
        assert_literal("(https:// ".repeat(n / 10).trim_end());

        let openers = "**a ".repeat(n / 4);
        assert_literal(openers.trim_end());
        let closers = format!("*a{}", " b*".repeat(n / 3));
        let mut expected = vec![em(vec![text("a b")])];
        expected.push(text(&closers[5..]));
        assert_eq!(line(&closers), expected);

        let links = "https://example.com/(((( ".repeat(n / 25);
        assert_eq!(line(links.trim_end()).len(), 2 * (n / 25) - 1);

        let code_spans = "` ".repeat(n / 2);
        let expected: Line = (0..n / 4).flat_map(|_| [code(" "), text(" ")]).collect();
        assert_eq!(line(&code_spans), expected);

        let nested = format!("{}x{}", "*a ".repeat(n / 3), "*".repeat(n / 3));
        assert_eq!(depth(&line(&nested)), MAX_NESTING);

        let lines = "> *a\n**b\n\n".repeat(n / 10);
        assert_eq!(parse(&lines).len(), 2 * (n / 10));
    }
}
