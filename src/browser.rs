//! Small wrappers around the browser APIs that the components need besides
//! the DOM: the clock, randomness for ids, and `Intl` formatting.

use crate::model::{age, Age, Lang, Plural, Text};
use std::cell::RefCell;
use std::collections::HashMap;
use js_sys::{Array, Date, Intl, Math, Object, Reflect};
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
    // than using one, and every visible comment's time is formatted again on
    // each clock tick.
    static RELATIVE: RefCell<HashMap<Lang, Intl::RelativeTimeFormat>> = RefCell::default();
    static PLURALS: RefCell<HashMap<Lang, Intl::PluralRules>> = RefCell::default();
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

/// The interface text in `lang`, with the browser's plural rules.
pub fn text(lang: Lang) -> Text {
    Text::new(lang, plural)
}

/// The reader's languages, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// "just now", "5 minutes ago", "vor 5 Minuten", "5 хвилин тому", …
pub fn relative_time(text: &Text, now_ms: f64, then_ms: f64) -> String {
    match age(now_ms, then_ms) {
        Age::JustNow => text.just_now().into(),
        Age::Ago(count, unit) => RELATIVE.with(|formats| {
            let mut formats = formats.borrow_mut();
            let format = formats.entry(text.lang).or_insert_with(|| {
                let options = Object::new();
                let _ = Reflect::set(&options, &"numeric".into(), &"auto".into());
                Intl::RelativeTimeFormat::new(&locales(text.lang), &options)
            });
            format.format(-(count as f64), unit.intl_name()).into()
        }),
    }
}

/// The exact time as an ISO 8601 string for `<time datetime>`.
pub fn iso_time(ms: f64) -> String {
    Date::new(&JsValue::from_f64(ms)).to_iso_string().into()
}

/// The exact time in words for a tooltip, in the reader's time zone.
pub fn full_time(lang: Lang, ms: f64) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    Date::new(&JsValue::from_f64(ms)).to_locale_string(lang.code(), &options).into()
}

/// Offers `text` to the reader as a downloaded file.
pub fn download(file_name: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |_| "the browser refused".to_string();
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input.files().and_then(|files| files.get(0)).ok_or("no file was chosen")?;
    if file.size() > crate::model::export::MAX_FILE_BYTES as f64 {
        return Err("it is far larger than an agora export can be".into());
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the browser could not read it".into())
}
