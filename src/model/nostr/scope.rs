//! A thread's scope on relays: the web page its comments are about (NIP-22's
//! root `I` tag, a NIP-73 web URL). Readers reach a page by several
//! spellings of its address, and other clients write what they were given,
//! so agora writes one canonical spelling and reads every spelling that
//! normalisation makes equal:
//!
//! - scheme and host in lower case, without the scheme's default port;
//! - no query and no fragment (every reader of the article meets in one
//!   thread, whatever link brought them);
//! - no trailing slash, except for the bare origin (`https://a.example/`),
//!   whose path is `/` in every spelling a browser writes.
//!
//! So `HTTPS://News.Example:443/2026/story/?utm=x#top` is
//! `https://news.example/2026/story`, and relays are asked for that and for
//! `https://news.example/2026/story/`.

/// The canonical spelling of a web page's address (see the module's rules).
/// Something that is not an `http(s)` URL is returned trimmed, as it is: a
/// scope of its own that only its exact spelling matches.
pub fn canonical_url(href: &str) -> String {
    let href = href.trim();
    let Some((scheme, rest)) = href.split_once("://") else { return href.to_string() };
    if !is_web_url(href) {
        return href.to_string();
    }
    let scheme = scheme.to_ascii_lowercase();
    let without_fragment = rest.split('#').next().unwrap_or_default();
    let without_query = without_fragment.split('?').next().unwrap_or_default();
    let (authority, path) = match without_query.find('/') {
        Some(at) => without_query.split_at(at),
        None => (without_query, ""),
    };
    let mut host = authority.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    if let Some(bare) = host.strip_suffix(default_port) {
        host = bare.to_string();
    }
    let path = path.trim_end_matches('/');
    let path = if path.is_empty() { "/" } else { path };
    format!("{scheme}://{host}{path}")
}

/// Whether an address is a web page's (`http` or `https`, in any case).
pub fn is_web_url(href: &str) -> bool {
    let scheme = href.trim().split_once("://").map(|(scheme, _)| scheme.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("https" | "http"))
}

/// The spellings relays are asked for: the canonical one first, then the
/// same with (or, for a bare origin, without) a trailing slash.
pub fn spellings(canonical: &str) -> Vec<String> {
    let other = match canonical.strip_suffix('/') {
        Some(origin) => origin.to_string(),
        None => format!("{canonical}/"),
    };
    vec![canonical.to_string(), other]
}

/// Whether an address names the page whose canonical spelling is `canonical`.
pub fn same_page(href: &str, canonical: &str) -> bool {
    href == canonical || canonical_url(href) == canonical
}

/// The item an `i` tag names on the page (`<page>#comment-<id>`: one of the
/// article's own comments), in any spelling of the page.
pub fn item_on_page<'a>(href: &'a str, canonical: &str, fragment: &str) -> Option<&'a str> {
    let at = href.find(fragment)?;
    let (page, item) = href.split_at(at);
    same_page(page, canonical).then(|| &item[fragment.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_page_are_one_canonical_url() {
        let canonical = "https://news.example/2026/story";
        for spelling in [
            "https://news.example/2026/story",
            "https://news.example/2026/story/",
            "HTTPS://News.Example/2026/story",
            "https://news.example:443/2026/story/",
            "https://news.example/2026/story?utm_source=x",
            "https://news.example/2026/story/#comment-3",
            "  https://news.example/2026/story//  ",
        ] {
            assert_eq!(canonical_url(spelling), canonical, "{spelling}");
            assert!(same_page(spelling, canonical), "{spelling}");
        }
        // The path keeps its case: servers tell /Story from /story.
        assert_eq!(canonical_url("https://news.example/2026/Story"), "https://news.example/2026/Story");
        assert!(!same_page("https://news.example/2026/story-2", canonical));
        assert!(!same_page("http://news.example/2026/story", canonical), "another scheme is another page");
        assert_eq!(canonical_url("http://a.example:80"), "http://a.example/");
        assert_eq!(canonical_url("http://a.example:8080/x/"), "http://a.example:8080/x");
        assert_eq!(canonical_url("urn:isbn:123"), "urn:isbn:123");
    }

    #[test]
    fn relays_are_asked_for_both_trailing_slash_spellings() {
        assert_eq!(spellings("https://a.example/p/1"), ["https://a.example/p/1", "https://a.example/p/1/"]);
        assert_eq!(spellings("https://a.example/"), ["https://a.example/", "https://a.example"]);
        for spelling in spellings("https://a.example/p/1") {
            assert_eq!(canonical_url(&spelling), "https://a.example/p/1");
        }
    }

    #[test]
    fn an_article_comment_is_named_in_any_spelling_of_the_page() {
        let canonical = "https://a.example/p/1";
        assert_eq!(item_on_page("https://a.example/p/1#comment-seed-2", canonical, "#comment-"), Some("seed-2"));
        assert_eq!(item_on_page("https://a.example/p/1/#comment-seed-2", canonical, "#comment-"), Some("seed-2"));
        assert_eq!(item_on_page("https://b.example/p/1#comment-seed-2", canonical, "#comment-"), None);
        assert_eq!(item_on_page("https://a.example/p/1", canonical, "#comment-"), None);
    }
}
