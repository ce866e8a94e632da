//! Small wrappers around the browser APIs that the components need besides
//! the DOM: the clock, randomness for ids, and `Intl` formatting.

use crate::model::{age, Age};
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

/// The language of the interface text.
const LOCALE: &str = "en";

thread_local! {
    // Built once: constructing an Intl formatter costs far more than using one,
    // and every visible comment's time is formatted again on each clock tick.
    static RELATIVE: Intl::RelativeTimeFormat = {
        let options = Object::new();
        let _ = Reflect::set(&options, &"numeric".into(), &"auto".into());
        Intl::RelativeTimeFormat::new(&Array::of1(&LOCALE.into()), &options)
    };
}

/// "just now", "5 minutes ago", "yesterday", …
pub fn relative_time(now_ms: f64, then_ms: f64) -> String {
    match age(now_ms, then_ms) {
        Age::JustNow => "just now".into(),
        Age::Ago(count, unit) => RELATIVE.with(|format| {
            format.format(-(count as f64), unit.intl_name()).into()
        }),
    }
}

/// The exact time as an ISO 8601 string for `<time datetime>`.
pub fn iso_time(ms: f64) -> String {
    Date::new(&JsValue::from_f64(ms)).to_iso_string().into()
}

/// The exact time in words for a tooltip, in the reader's time zone.
pub fn full_time(ms: f64) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    Date::new(&JsValue::from_f64(ms)).to_locale_string(LOCALE, &options).into()
}
