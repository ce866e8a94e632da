// The WebAssembly's entry points, included by both binaries (src/main.rs
// and src/bin/agora-relays.rs); see src/main.rs.

use agora::config::Config;
use agora::embed::{self, Mounted};
use wasm_bindgen::prelude::*;

fn main() {}

/// Mounts the widget as the page. `on_relays`: called (no arguments) when
/// the article asks for relays and this build has none (see `Config`).
#[wasm_bindgen(js_name = mountStandalone)]
pub fn mount_standalone(on_relays: JsValue) -> Widget {
    Widget { mounted: embed::mount_standalone(on_relays) }
}

/// Mounts a widget into `parent` with the element's settings (`{ thread,
/// src, theme, lang, relays, moderators, pow, url, moderation, onRelays }`),
/// `articleResponse`: the request for `src` that the element started
/// beside the WebAssembly, taken instead of asking again, and
/// `prerendered`: whether it renders hidden beside a prerendered copy.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(parent: web_sys::HtmlElement, options: JsValue) -> Widget {
    let option = |name: &str| js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok();
    let started = option("articleResponse").and_then(|p| p.dyn_into().ok());
    let prerendered = option("prerendered").is_some_and(|p| p.is_truthy());
    let mounted = embed::mount_widget(parent, Config::from_options(&options), started, prerendered);
    Widget { mounted: Some(mounted) }
}

/// A mounted widget.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Mounted>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget and stops everything it started.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }
}
