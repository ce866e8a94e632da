//! How the widget is mounted: as its own page (`index.html`, also inside an
//! iframe), or inside an `<agora-thread>` element's shadow root (see
//! `public/embed.js`).

use crate::app::App;
use crate::config::Config;
use leptos::mount::{UnmountHandle, mount_to};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;

/// Mounts the widget as its own page (`index.html`, also inside an iframe).
pub fn mount_standalone() {
    let config = Config::from_query();
    mount_to_body(move || view! { <App config standalone=true /> });
}

/// A mounted widget: dropping it unmounts the widget and stops everything it
/// started (listeners, timers).
pub type Mounted = UnmountHandle<AnyViewState>;

/// Mounts a widget into `parent` (an element inside the host element's
/// shadow root).
pub fn mount_widget(parent: web_sys::HtmlElement, config: Config) -> Mounted {
    mount_to(parent, move || view! { <App config standalone=false /> }.into_any())
}
