//! The WebAssembly's entry points, called from JavaScript: `public/boot.js`
//! (the standalone page) and `public/embed.js` (the `<agora-thread>` element).
//! Nothing runs on load.

use agora::config::Config;
use agora::embed::{self, Mounted};
use wasm_bindgen::prelude::*;

fn main() {}

#[wasm_bindgen(js_name = mountStandalone)]
pub fn mount_standalone() {
    embed::mount_standalone();
}

/// Mounts a widget into `parent` with the element's settings
/// (`{ thread, src, theme, lang }`).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(parent: web_sys::HtmlElement, options: JsValue) -> Widget {
    let mounted = embed::mount_widget(parent, Config::from_options(&options));
    Widget { mounted: Some(mounted) }
}

/// A widget mounted by `embed.js`.
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
