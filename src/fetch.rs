//! Loads what the widget needs over HTTP besides its own files: a host's
//! article JSON, and the interface text of languages other than English.

use crate::model::language_file::{self, Entry};
use crate::model::{Article, ArticleError, Lang, Strings, Text};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Why a file could not be had.
enum FetchError {
    /// The server did not answer, or its CORS headers do not let the page read it.
    Unreachable,
    /// The server answered with this HTTP status ("404 Not Found").
    Status(String),
}

thread_local! {
    /// Requests that the page started before the WebAssembly had arrived
    /// (`embed.js` asks for an element's article beside it), by URL: the
    /// first fetch of that URL takes its answer instead of asking again.
    static STARTED: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Notes a request for `url` already under way: `response` resolves to its
/// `Response` (or to anything else where it failed).
pub fn started_early(url: &str, response: js_sys::Promise) {
    let _ = STARTED.try_with(|started| {
        if let Ok(mut started) = started.try_borrow_mut() {
            started.retain(|(u, _)| u != url);
            started.push((url.to_string(), response));
        }
    });
}

/// The request under way for `url`, taken (an answer is read only once).
fn take_started(url: &str) -> Option<js_sys::Promise> {
    STARTED
        .try_with(|started| {
            let mut started = started.try_borrow_mut().ok()?;
            let at = started.iter().position(|(u, _)| u == url)?;
            Some(started.remove(at).1)
        })
        .ok()
        .flatten()
}

/// The text of the file at `url`.
async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Unreachable)?;
    let request = take_started(url).unwrap_or_else(|| window.fetch_with_str(url));
    let response: Response =
        JsFuture::from(request).await.ok().and_then(|value| value.dyn_into().ok()).ok_or(FetchError::Unreachable)?;
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

/// How many refused messages of one file the console lists one by one.
const REFUSALS_SAID: usize = 10;

/// The value of a JSON text, parsed by the browser, or why not.
fn parse_json(text: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(text).map_err(|error| {
        error.dyn_ref::<js_sys::Error>().map(|error| String::from(error.message())).unwrap_or_default()
    })
}

/// A value of a language file as the reader takes it.
fn entry(value: JsValue) -> Entry {
    match value.as_string() {
        Some(text) => Entry::Text(text),
        None if value.is_null() => Entry::Null,
        None => Entry::Other,
    }
}

/// Why a file could not be had, for the console.
fn unavailable(error: FetchError) -> String {
    match error {
        FetchError::Unreachable => "no answer".to_string(),
        FetchError::Status(status) => status,
    }
}

/// Why a language's messages could not be had: the reader gets English.
#[derive(Debug)]
pub enum LanguageError {
    /// The file could not be fetched (its URL, and why).
    Unavailable(String, String),
    /// The file is not a language file of this agora (its URL, and why).
    NotALanguageFile(String, String),
}

impl std::fmt::Display for LanguageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LanguageError::Unavailable(url, why) => {
                write!(f, "the interface text could not be loaded from {url} ({why})")
            }
            LanguageError::NotALanguageFile(url, why) => write!(f, "{url}: not a language file of this agora, {why}"),
        }
    }
}

/// The messages of `lang`: built in for English; otherwise
/// `<assets>lang/<code>.json` (`assets`: where agora's files are, `./` for
/// its own page), one message per position (`language_file`). A file that
/// cannot be had or read leaves English (`Err`, for the console); one with
/// mistakes costs only those messages (each said in the console).
pub async fn language(lang: Lang, assets: &str) -> Result<&'static Strings, LanguageError> {
    let english = Text::english().strings();
    let cached = || LANGUAGES.with(|loaded| loaded.borrow().iter().find(|(l, _)| *l == lang).map(|(_, s)| *s));
    if let Some(strings) = lang.built_in().or_else(cached) {
        return Ok(strings);
    }
    let url = format!("{assets}lang/{}.json", lang.code());
    let file = match fetch_text(&url).await {
        Ok(file) => file,
        Err(error) => return Err(LanguageError::Unavailable(url, unavailable(error))),
    };
    let messages = positional(&file).map_err(|why| LanguageError::NotALanguageFile(url.clone(), why))?;
    let entries = messages.into_iter().skip(1).map(entry).enumerate();
    let (strings, refused) = language_file::read(english, english, entries);
    let name = |index| format!("message {index} (counted from 0 in lang/keys.json)");
    warn_each(&url, refused.iter().map(|(index, why)| why.say(&name(index))));
    let strings: &'static Strings = Box::leak(Box::new(strings));
    LANGUAGES.with(|loaded| loaded.borrow_mut().push((lang, strings)));
    Ok(strings)
}

/// The values of a language file by position, if it is one made for this
/// build (its layout first), or why not.
fn positional(file: &str) -> Result<js_sys::Array, String> {
    let values = parse_json(file)
        .map_err(|why| format!("not JSON ({why})"))?
        .dyn_into::<js_sys::Array>()
        .map_err(|_| "not an array".to_string())?;
    let layout = values.get(0).as_f64().unwrap_or(f64::NAN);
    if language_file::made_for_this_build(layout, values.length() as usize) {
        Ok(values)
    } else {
        Err("made for another version of agora: serve the dist/lang/ built with this agora_bg.wasm".to_string())
    }
}

/// Says each of `problems` with the file at `url` in the console: the first
/// [`REFUSALS_SAID`] one by one, then how many more there were.
fn warn_each(url: &str, problems: impl Iterator<Item = String>) {
    let mut more = 0;
    for (said, problem) in problems.enumerate() {
        if said < REFUSALS_SAID {
            leptos::logging::warn!("agora: {url}: {problem}");
        } else {
            more += 1;
        }
    }
    if more > 0 {
        leptos::logging::warn!("agora: {url}: {more} more messages were not used");
    }
}

/// `base` with the site owner's own messages from `url` (a JSON object of
/// texts by the keys listed in `<assets>lang/keys.json`) where they fit;
/// what does not is said in the console, and `base` is kept for it.
pub async fn own_strings(url: &str, assets: &str, base: &'static Strings) -> &'static Strings {
    let Some(english) = Lang::En.built_in() else { return base };
    let read = match fetch_text(url).await {
        Err(error) => Err(unavailable(error)),
        Ok(file) => match keys(assets).await {
            Ok(keys) => own_entries(&file, &keys).map(|(entries, unknown)| (entries, keys, unknown)),
            Err(why) => Err(why),
        },
    };
    match read {
        Ok((entries, keys, unknown)) => {
            let (strings, refused) = language_file::read(english, base, entries);
            let unknown = unknown.iter().map(|key| language_file::unknown_key(key));
            let key = |index: &usize| keys.get(*index).map_or("", String::as_str);
            warn_each(url, unknown.chain(refused.iter().map(|(index, why)| why.say(key(index)))));
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

/// The keys by which a site's own text is placed: `<assets>lang/keys.json`
/// (a page fetches it again only from the browser's cache), which must list
/// this build's positions.
async fn keys(assets: &str) -> Result<Vec<String>, String> {
    let url = format!("{assets}lang/keys.json");
    let text = fetch_text(&url).await.map_err(|error| format!("{url}: {}", unavailable(error)))?;
    let keys: Option<Vec<String>> = parse_json(&text)
        .ok()
        .and_then(|keys| keys.dyn_into::<js_sys::Array>().ok())
        .and_then(|keys| keys.into_iter().map(|key| key.as_string()).collect());
    keys.filter(|keys| language_file::keys_of_this_build(keys))
        .ok_or_else(|| format!("{url} does not list the messages of this agora_bg.wasm"))
}

/// The messages of a site owner's file placed by `keys`, and the file's
/// keys that name no message.
fn own_entries(file: &str, keys: &[String]) -> Result<language_file::Placed, String> {
    let object = parse_json(file)
        .map_err(|why| format!("not JSON: {why}"))?
        .dyn_into::<js_sys::Object>()
        .ok()
        .filter(|object| !js_sys::Array::is_array(object))
        .ok_or("not a JSON object of texts")?;
    let entries = js_sys::Object::entries(&object).into_iter().filter_map(|pair| {
        let pair = pair.dyn_into::<js_sys::Array>().ok()?;
        Some((pair.get(0).as_string()?, entry(pair.get(1))))
    });
    Ok(language_file::by_key(keys, entries))
}
