//! Waiting without blocking the page: the relay layer's long work (proof
//! of work, a flood of events) gives the browser a turn between slices.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves after `ms` milliseconds (0: at the next turn of the event loop).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let done = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms));
        if !matches!(done, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
