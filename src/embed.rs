//! How the widget is mounted: as its own page (`index.html`, also inside an
//! iframe), or inside an `<agora-thread>` element's shadow root (see
//! `public/embed.js`).

use crate::app::App;
use crate::components::thread_view::WholeFirstPage;
use crate::config::{ArticleSource, Config};
use leptos::mount::{UnmountHandle, mount_to};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;

/// Mounts the widget as its own page (`index.html`, also inside an iframe);
/// `on_relays` as in [`Config::on_relays`]. `None` on a page without a body.
pub fn mount_standalone(on_relays: wasm_bindgen::JsValue) -> Option<Mounted> {
    let mut config = Config::from_query();
    config.on_relays = Some(on_relays).filter(wasm_bindgen::JsValue::is_function);
    let body = document().body()?;
    Some(mount_to(body, move || view! { <App config standalone=true /> }.into_any()))
}

/// A mounted widget: dropping it unmounts the widget and stops everything it
/// started (listeners, timers).
pub type Mounted = UnmountHandle<AnyViewState>;

/// Mounts a widget into `parent` (an element inside the host element's
/// shadow root). `article_started`: the request for the article that the
/// element started beside the WebAssembly, taken instead of asking again.
/// `prerendered`: it renders hidden beside a prerendered copy of itself
/// (`agora-render`), which it replaces once it shows the thread.
pub fn mount_widget(
    parent: web_sys::HtmlElement,
    config: Config,
    article_started: Option<js_sys::Promise>,
    prerendered: bool,
) -> Mounted {
    if let (ArticleSource::Url(url), Some(started)) = (&config.article, article_started) {
        crate::fetch::started_early(url, started);
    }
    mount_to(parent, move || {
        if prerendered {
            provide_context(WholeFirstPage);
        }
        view! { <App config standalone=false /> }.into_any()
    })
}
