//! agora: a news article and its live comment thread in one WebAssembly
//! widget. Data flows one way: the article and stored comments come in, the
//! pure [`model`] merges them into a thread, [`components`] render it, and
//! reader actions go back through the model to the [`store`]. [`config`] is
//! what the host asks for and [`embed`] how the widget is mounted: as its
//! own page, or inside an `<agora-thread>` element of another site (see
//! `public/embed.js`).

// The native build with the relay layer's views (`agora-render`) nests view
// types deeper than the default limit allows (the WebAssembly erases them:
// `erase_components`, .cargo/config.toml).
#![recursion_limit = "256"]

mod app;
mod browser;
pub mod components;
pub mod config;
mod discussion;
pub mod embed;
mod fetch;
/// `agora-import`: Disqus and WordPress exports into article files. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod model;
/// HTML written ahead of time by the same components: the standalone page's
/// first screen and prerendered `<agora-thread>` elements. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
/// The relay layer: `relay/` in the build with `--features relays`, and in
/// the usual build `relay/off.rs`, which has the same interface and does
/// nothing. The one place the two builds differ outside the model (whose
/// size-driven switches say why where they are).
#[cfg(feature = "relays")]
mod relay;
#[cfg(not(feature = "relays"))]
#[path = "relay/off.rs"]
mod relay;
pub mod store;

pub use app::App;
pub use config::Config;
