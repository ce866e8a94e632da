//! The first screen: the built-in article and its comments as HTML, written
//! into `index.html` at build time (`src/bin/agora-first-screen.rs`, which
//! Trunk runs after every build) by the same components that render them in
//! the browser. Readers see them as soon as the page and its styles have
//! arrived, before any WebAssembly; `public/boot.js` swaps the mounted app
//! in for them in one task, so nothing flashes or moves.
//!
//! The page shows the first screen only where it is what the app will
//! render: [`CHOOSER`], a script in the page's head, decides before the
//! first paint. Readers without scripts always get it (`public/noscript.css`).

use super::{Part, Widget};
use crate::config::Theme;
use crate::model::writing::markup::escape;
use crate::model::{Article, DraftSlot, Keys, Lang, Sort, Text, ThreadId};

/// The script that decides before the first paint whether the page shows
/// the first screen (`public/first-screen.js`, which says how), written into
/// the page's head (first, before `<title>`) after the
/// `<meta name="agora-first-screen">` that
/// [`write_into`] fills with what it compares with. A file of the page's own
/// origin rather than an inline script, so that a strict
/// Content-Security-Policy (`script-src 'self'`) needs no hash for it.
pub const CHOOSER: &str = "./first-screen.js";

/// The first screen's language: the built-in one.
const LANG: Lang = Lang::En;

/// `page` (a built `index.html`) with the first screen at the start of its
/// body, the chooser and what it compares with in its head, and the
/// article's title as the page's.
pub fn write_into(page: &str) -> Result<String, String> {
    if page.contains("data-first-screen") {
        return Err("the page has a first screen already".into());
    }
    let article = Article::built_in();
    if article.sharing.asks_for_relays() {
        // The app would hand over to the relay build and show "Loading…".
        return Err("the built-in article names relays; the first screen is for articles without".into());
    }
    let thread_id = ThreadId::parse(&article.id).map_err(|error| format!("the built-in article's id: {}", error.0))?;
    let keys = Keys::new(&thread_id);
    let default_sort = serde_json::to_string(Sort::default().as_str()).map_err(|error| error.to_string())?;
    // By primary subtag, as the chooser compares them (`zh` for `zh-Hans`:
    // any Chinese hides an English first screen).
    let mut languages: Vec<&str> = Vec::new();
    for lang in std::iter::once(LANG).chain(Lang::ALL) {
        let primary = lang.code().split('-').next().unwrap_or_default();
        if !languages.contains(&primary) {
            languages.push(primary);
        }
    }
    let body_start = page.find("<body").ok_or("the page has no <body>")?;
    let body_end =
        page[body_start..].find('>').map(|end| body_start + end + 1).ok_or("the page's <body> tag is cut off")?;
    let (title_start, title_end) = page[..body_start]
        .find("<title>")
        .and_then(|start| Some((start + "<title>".len(), start + page[start..body_start].find("</title>")?)))
        .ok_or("the page has no <title>")?;
    let head = format!(
        r#"<meta name="agora-first-screen" data-thread="{}" data-keys="{}" data-draft="{}" data-visit="{}" data-sort-key="{}" data-sort="{}" data-langs="{}" data-title="{}"><script src="{CHOOSER}"></script>"#,
        escape(thread_id.as_str()),
        escape(keys.thread_prefix()),
        escape(&keys.draft(&DraftSlot::New)),
        escape(&keys.last_visit()),
        escape(Keys::SORT),
        escape(&default_sort),
        languages.join(" "),
        &page[title_start..title_end],
    );
    let first_screen = render(&article, &thread_id);
    // Before <title>, so before every stylesheet and preload: the chooser
    // blocks the parser until it has arrived, and asked for first it is not
    // queued behind the WebAssembly on a slow connection.
    let chooser_at = title_start - "<title>".len();
    let mut out = String::with_capacity(page.len() + head.len() + first_screen.len());
    out.push_str(&page[..chooser_at]);
    out.push_str(&head);
    out.push_str(&page[chooser_at..title_start]);
    out.push_str(&escape(&article.title));
    out.push_str(&page[title_end..body_end]);
    out.push_str(&first_screen);
    out.push_str(&page[body_end..]);
    Ok(out)
}

/// The built-in article and its thread as the app renders them for a reader
/// with nothing stored, without the composer and what follows it (the
/// composer comes with the app, below the thread).
fn render(article: &Article, thread_id: &ThreadId) -> String {
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since| since.as_millis() as f64)
        .unwrap_or_default();
    Widget { article, thread_id, text: Text::cldr(LANG), theme: Theme::Auto, now_ms, part: Part::ThreadOnly }.to_html()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_is_the_article_and_its_comments() {
        let article = Article::built_in();
        let html = render(&article, &ThreadId::parse(&article.id).unwrap());
        assert!(html.starts_with(r#"<div lang="en" dir="ltr" data-first-screen="" class="agora">"#), "{}", &html[..80]);
        assert!(html.contains(&format!("<h1 class=\"agora-article__title\">{}</h1>", article.title)));
        assert_eq!(html.matches(r#"class="agora-comment""#).count(), article.comments.len());
        assert!(html.contains(&format!(">{} Comments</h2>", article.comments.len())));
        assert!(!html.contains("agora-composer"), "the composer comes with the app");
    }

    #[test]
    fn it_goes_at_the_start_of_the_body_and_the_chooser_into_the_head() {
        let page = "<!doctype html><html lang=en><head><title>agora</title><link href=./page.css rel=stylesheet></head><body><noscript>x</noscript></body></html>";
        let out = write_into(page).unwrap();
        let chooser = out.find(r#"<script src="./first-screen.js">"#).unwrap();
        let first = out.find("data-first-screen").unwrap();
        assert!(chooser < out.find("</head>").unwrap() && out.find("<body>").unwrap() < first);
        // Asked for before any stylesheet or preload (a slow connection
        // would otherwise queue it behind them, and it blocks the parser).
        assert!(chooser < out.find("<title>").unwrap() && chooser < out.find("<link").unwrap());
        assert!(first < out.find("<noscript>").unwrap());
        // What the chooser compares with, from the model.
        let keys = Keys::new(&ThreadId::parse("trump-putin-call").unwrap());
        let prefix = keys.thread_prefix();
        let sort = Keys::SORT;
        assert!(
            out.contains(&format!(
                r#"data-thread="trump-putin-call" data-keys="{prefix}" data-draft="{prefix}draft:new" data-visit="{prefix}visit:last" data-sort-key="{sort}" data-sort="&quot;oldest&quot;" data-langs="en ar de es fr he it ja ko nl pl pt tr uk zh" data-title="agora"><script src="./first-screen.js"></script>"#
            )),
            "{out}"
        );
        assert!(out.contains(&format!("<title>{}</title>", Article::built_in().title)));
        // Once only.
        assert!(write_into(&out).is_err());
        // Minified: no </head>.
        let out = write_into("<html><title>agora</title><body class=x><p>").unwrap();
        assert!(out.find(CHOOSER).unwrap() < out.find("<body class=x>").unwrap());
        assert!(write_into("<html><head><title>x</title>").is_err());
        assert!(write_into("<html><body>").is_err());
    }

    #[test]
    fn the_chooser_is_a_file_of_the_build() {
        // Copied into the build by index.html, from public/.
        let name = CHOOSER.trim_start_matches("./");
        assert!(std::path::Path::new("public").join(name).is_file());
        assert!(include_str!("../../index.html").contains(&format!(r#"href="public/{name}""#)));
    }
}
