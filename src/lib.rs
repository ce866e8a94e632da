//! agora: a news article and its live comment thread in one WebAssembly
//! widget. Data flows one way: the article and stored comments come in, the
//! pure [`model`] merges them into a thread, [`components`] render it, and
//! reader actions go back through the model to the [`store`]. [`config`] is
//! what the host asks for and [`embed`] how the widget is mounted: as its
//! own page, or inside an `<agora-thread>` element of another site (see
//! `public/embed.js`).

mod app;
mod browser;
pub mod components;
pub mod config;
mod discussion;
pub mod embed;
mod fetch;
#[cfg(not(target_arch = "wasm32"))]
pub mod first_screen;
pub mod model;
#[cfg(feature = "relays")]
mod relay;
pub mod store;

pub use app::App;
pub use config::Config;
