//! The first screen: the built-in article and its comments as HTML, written
//! into `index.html` at build time (`src/bin/agora-first-screen.rs`, which
//! Trunk runs after every build) by the same components that render them in
//! the browser. Readers see them as soon as the page and its styles have
//! arrived, before any WebAssembly; `public/boot.js` swaps the mounted app
//! in for them in one task, so nothing flashes or moves.
//!
//! The page shows the first screen only where it is what the app will
//! render: [`CHOOSER`], a script in the page's head, decides before the
//! first paint. Readers without scripts always get it (`style/page.css`).

use crate::app::root;
use crate::components::{ArticleView, DiscussionView};
use crate::config::Theme;
use crate::discussion::Discussion;
use crate::model::{Article, Lang, Loaded, Sort, Text, ThreadId};
use crate::store::Store;
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use leptos::reactive::diagnostics::SpecialNonReactiveZone;

/// Adds the class `agora-first-screen` to `<html>` (which shows the first
/// screen) unless the app will render something else: another article
/// (`?src=`), a chosen theme, another language than the first screen's, or
/// top-level comments in another order than the oldest first (the reader's
/// sort, `agora:v1:sort` in local storage, if it can be read). The language
/// is chosen as `Lang::negotiate` does (`?lang=`, then the browser's
/// languages, by primary subtag) among the languages named by
/// `<meta name="agora-languages">`, the first being the first screen's.
///
/// Inline, so that it runs before the first paint without a request of its
/// own; a page with a Content-Security-Policy allows it by its hash (see
/// the README). Where it is blocked, the first screen stays hidden and the
/// page works as it would without one.
pub const CHOOSER: &str = "{const q=new URLSearchParams(location.search),\
l=(document.querySelector('meta[name=agora-languages]')?.content??'en').split(' '),\
t=[q.get('lang'),...navigator.languages].map(x=>String(x??'').trim().split(/[-_]/)[0].toLowerCase()).find(x=>l.includes(x))??l[0];\
let s=null;try{s=localStorage.getItem('agora:v1:sort')}catch{}\
if(!q.has('src')&&['','auto'].includes(q.get('theme')??'')&&t===l[0]&&[null,'\"oldest\"'].includes(s))\
document.documentElement.classList.add('agora-first-screen')}";

/// The first screen's language: the built-in one.
const LANG: Lang = Lang::En;

/// The built-in article and its thread as the app renders them for a reader
/// with nothing stored, without the composer and what follows it.
pub fn html() -> Result<String, String> {
    // Effects (focus, scrolling into view) have nothing to do here.
    let _ = Executor::init_custom_executor(NoEffects);
    let article = Article::built_in();
    let thread_id = ThreadId::parse(&article.id).map_err(|error| format!("the built-in article's id: {}", error.0))?;
    // Rendered once, so nothing is tracked: no warnings about that.
    let _untracked = SpecialNonReactiveZone::enter();
    let owner = Owner::new();
    let html = owner.with(|| {
        let text = Text::cldr(LANG);
        provide_context(text);
        let store = Store::none(&thread_id);
        provide_context(Discussion::new(
            text,
            thread_id,
            store,
            &article,
            Loaded::default(),
            Sort::default(),
            String::new(),
        ));
        let content = view! {
            <ArticleView article />
            <DiscussionView thread_only=true />
        };
        root(Theme::Auto, LANG, true, content).to_html()
    });
    Ok(html)
}

/// `page` (a built `index.html`) with the first screen at the start of its
/// body, and the chooser with the list of languages in its head.
pub fn write_into(page: &str) -> Result<String, String> {
    let first_screen = html()?;
    let languages: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
    let head = format!(r#"<meta name="agora-languages" content="{}"><script>{CHOOSER}</script>"#, languages.join(" "));
    let body_start = page.find("<body").ok_or("the page has no <body>")?;
    let body_end =
        page[body_start..].find('>').map(|end| body_start + end + 1).ok_or("the page's <body> tag is cut off")?;
    let mut out = String::with_capacity(page.len() + head.len() + first_screen.len());
    // Before </head>, or before <body> where the minifier dropped </head>.
    let head_end = page[..body_start].find("</head>").unwrap_or(body_start);
    out.push_str(&page[..head_end]);
    out.push_str(&head);
    out.push_str(&page[head_end..body_end]);
    out.push_str(&first_screen);
    out.push_str(&page[body_end..]);
    Ok(out)
}

/// An executor that drops what it is given.
struct NoEffects;

impl CustomExecutor for NoEffects {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_is_the_article_and_its_comments() {
        let html = html().unwrap();
        let article = Article::built_in();
        assert!(html.starts_with(r#"<div lang="en" data-first-screen="" class="agora">"#), "{}", &html[..80]);
        assert!(html.contains(&format!("<h1 class=\"agora-article__title\">{}</h1>", article.title)));
        assert_eq!(html.matches(r#"class="agora-comment""#).count(), article.comments.len());
        assert!(html.contains(&format!(">{} Comments</h2>", article.comments.len())));
        assert!(!html.contains("agora-composer"), "the composer comes with the app");
    }

    #[test]
    fn it_goes_at_the_start_of_the_body_and_the_chooser_into_the_head() {
        let page =
            "<!doctype html><html lang=en><head><title>agora</title></head><body><noscript>x</noscript></body></html>";
        let out = write_into(page).unwrap();
        let chooser = out.find(CHOOSER).unwrap();
        let first = out.find("data-first-screen").unwrap();
        assert!(chooser < out.find("</head>").unwrap() && out.find("<body>").unwrap() < first);
        assert!(first < out.find("<noscript>").unwrap());
        assert!(out.contains(r#"<meta name="agora-languages" content="en uk de">"#));
        // Minified: no </head>.
        let out = write_into("<html><title>agora</title><body class=x><p>").unwrap();
        assert!(out.find(CHOOSER).unwrap() < out.find("<body class=x>").unwrap());
        assert!(write_into("<html><head>").is_err());
    }

    #[test]
    fn the_chooser_reads_the_sort_where_the_store_keeps_it() {
        assert!(CHOOSER.contains(&format!("localStorage.getItem('{}')", crate::model::Keys::SORT)));
    }

    #[test]
    fn the_readme_gives_the_choosers_hash_for_a_content_security_policy() {
        use sha2::{Digest, Sha256};
        let hash = format!("'sha256-{}'", base64(&Sha256::digest(CHOOSER.as_bytes())));
        assert!(include_str!("../README.md").contains(&hash), "the README's policy needs {hash}");
    }

    /// Standard base64 with padding, as CSP hashes are written.
    fn base64(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..4 {
                out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
            }
        }
        out
    }
}
