//! Loads what the widget needs over HTTP besides its own files: a host's
//! article JSON, and the interface text of languages other than English.

use crate::model::language_file;
use crate::model::{Article, ArticleError, Lang, Strings};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Why a file could not be had.
enum FetchError {
    /// The server did not answer, or its CORS headers do not let the page read it.
    Unreachable,
    /// The server answered with this HTTP status ("404 Not Found").
    Status(String),
}

/// The text of the file at `url`.
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Unreachable)?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or(FetchError::Unreachable)?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(FetchError::Status(status.trim_end().to_string()));
    }
    match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|text| text.as_string()),
        Err(_) => None,
    }
    .ok_or(FetchError::Unreachable)
}

/// The article at `url`, or what went wrong (worded by `Text::article_error`).
pub async fn fetch_article(url: &str) -> Result<Article, ArticleError> {
    match fetch_text(url).await {
        Ok(body) => Article::from_json(&body),
        Err(FetchError::Unreachable) => Err(ArticleError::Unreachable),
        Err(FetchError::Status(status)) => Err(ArticleError::Status(status)),
    }
}

thread_local! {
    /// Each language's messages, read once per page (every widget shares
    /// them). A list: a page shows one or two languages.
    static LANGUAGES: RefCell<Vec<(Lang, &'static Strings)>> = const { RefCell::new(Vec::new()) };
}

/// The messages of `lang`: built in for English; otherwise
/// `<assets>lang/<code>.json` (`assets`: where agora's files are, `./` for
/// its own page). A file that cannot be had or read leaves English (`Err`,
/// with why in the console); one with mistakes costs only those messages.
pub async fn language(lang: Lang, assets: &str) -> Result<&'static Strings, ()> {
    let english = Lang::En.built_in().ok_or(())?;
    let cached = || LANGUAGES.with(|loaded| loaded.borrow().iter().find(|(l, _)| *l == lang).map(|(_, s)| *s));
    if let Some(strings) = lang.built_in().or_else(cached) {
        return Ok(strings);
    }
    let url = format!("{assets}lang/{}.json", lang.code());
    let file = match fetch_text(&url).await {
        Ok(file) => file,
        Err(error) => {
            let why = match error {
                FetchError::Unreachable => "no answer".to_string(),
                FetchError::Status(status) => status,
            };
            leptos::logging::warn!(
                "agora: the {} interface text could not be loaded from {url} ({why}); English is shown",
                lang.code()
            );
            return Err(());
        }
    };
    let (strings, problems) = match language_file::read(english, english, &file) {
        Ok(read) => read,
        Err(why) => {
            leptos::logging::warn!("agora: {url}: {why}; English is shown");
            return Err(());
        }
    };
    for problem in problems {
        leptos::logging::warn!("agora: {url}: {problem}");
    }
    let strings: &'static Strings = Box::leak(Box::new(strings));
    LANGUAGES.with(|loaded| loaded.borrow_mut().push((lang, strings)));
    Ok(strings)
}

/// `base` with the site owner's own messages from `url` (a file in the
/// shape of a language file) where they fit; what does not is said in the
/// console, and `base` is kept for it.
pub async fn own_strings(url: &str, base: &'static Strings) -> &'static Strings {
    let Some(english) = Lang::En.built_in() else { return base };
    let read = match fetch_text(url).await {
        Ok(file) => language_file::read(english, base, &file),
        Err(FetchError::Unreachable) => Err("no answer".into()),
        Err(FetchError::Status(status)) => Err(status),
    };
    match read {
        Ok((strings, problems)) => {
            for problem in problems {
                leptos::logging::warn!("agora: {url}: {problem}");
            }
            Box::leak(Box::new(strings))
        }
        Err(why) => {
            leptos::logging::warn!(
                "agora: the site's own text could not be used from {url} ({why}); the built-in text is shown"
            );
            base
        }
    }
}
