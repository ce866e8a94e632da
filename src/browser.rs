//! Small wrappers around the browser APIs that the components need besides
//! the DOM: the clock and wall-clock time, randomness for ids, plural rules.

use crate::model::{FxHashMap, ImportError, Lang, LocalTime, Plural, Strings, Text};
use js_sys::{Array, Date, Intl, Math, Object};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    Date::now()
}

/// 52 random bits for comment ids. `Math.random` is enough here: ids only
/// need to differ between tabs posting in the same millisecond.
pub fn entropy() -> u64 {
    (Math::random() * (1u64 << 52) as f64) as u64
}

thread_local! {
    // Built once per language: constructing an Intl object costs far more
    // than using one.
    static PLURALS: RefCell<FxHashMap<Lang, Intl::PluralRules>> = RefCell::default();
}

fn locales(lang: Lang) -> Array {
    Array::of1(&lang.code().into())
}

/// The plural category of `n` in `lang`, from `Intl.PluralRules`.
pub fn plural(lang: Lang, n: u64) -> Plural {
    PLURALS.with(|rules| {
        let mut rules = rules.borrow_mut();
        let rules = rules.entry(lang).or_insert_with(|| Intl::PluralRules::new(&locales(lang), &Object::new()));
        Plural::from_name(&String::from(rules.select(n as f64)))
    })
}

/// The interface text in `lang` (its messages: `strings`), with the
/// browser's plural rules.
pub fn interface_text(lang: Lang, strings: &'static Strings) -> Text {
    Text::new(lang, strings, plural)
}

/// The reader's languages, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// The exact time as an ISO 8601 string for `<time datetime>`; empty for a
/// time no `Date` can hold (`toISOString` would throw).
#[cfg(target_arch = "wasm32")]
pub fn iso_time(ms: f64) -> String {
    let date = Date::new(&JsValue::from_f64(ms));
    if date.get_time().is_nan() {
        return String::new();
    }
    date.to_iso_string().into()
}

/// The exact time in words for a tooltip, in the reader's time zone.
#[cfg(target_arch = "wasm32")]
pub fn full_time(text: &Text, ms: f64) -> String {
    let date = Date::new(&JsValue::from_f64(ms));
    text.full_time(LocalTime {
        year: date.get_full_year() as i32,
        month: date.get_month() + 1,
        day: date.get_date(),
        hour: date.get_hours(),
        minute: date.get_minutes(),
    })
}

/// Natively (HTML written at build time, `crate::prerender`) no browser
/// knows the reader's time zone: the time in UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn iso_time(ms: f64) -> String {
    crate::model::date::utc(ms).map(|t| t.iso()).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn full_time(text: &Text, ms: f64) -> String {
    let Some(t) = crate::model::date::utc(ms) else { return String::new() };
    let year = i32::try_from(t.year).unwrap_or_default();
    text.full_time(LocalTime { year, month: t.month, day: t.day, hour: t.hour, minute: t.minute })
}

/// The browser would not offer a file for download (it gives no reason
/// worth showing).
#[derive(Debug)]
pub struct DownloadRefused;

/// Offers `text` to the reader as a downloaded file.
pub fn download(file_name: &str, text: &str) -> Result<(), DownloadRefused> {
    use wasm_bindgen::JsCast;
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| DownloadRefused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadRefused)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DownloadRefused)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| DownloadRefused)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, ImportError> {
    let file = input.files().and_then(|files| files.get(0)).ok_or(ImportError::NoFile)?;
    if file.size() > crate::model::storage::export::MAX_FILE_BYTES as f64 {
        return Err(ImportError::TooLarge);
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(ImportError::Unreadable)
}

/// Runs `f` after the next frame has been painted. Not at all where nothing
/// is painted: natively, where the first screen is written at build time
/// (`crate::prerender::first_screen`).
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::request_animation_frame(move || {
        // A timer set in a frame callback runs after that frame is painted.
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
    #[cfg(not(target_arch = "wasm32"))]
    drop(f);
}

/// Whether the page showed the first screen written at build time (see
/// `crate::prerender::first_screen`): the chooser in the page's head marks `<html>`.
pub fn first_screen_shown() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .is_some_and(|html| html.class_list().contains(FIRST_SCREEN_SHOWN))
}

/// The class the chooser gives `<html>` (`crate::prerender::first_screen::CHOOSER`).
pub const FIRST_SCREEN_SHOWN: &str = "agora-first-screen";
