//! How the widget is mounted and what it reads from the page that hosts it.

use crate::app::App;
use crate::model::{Article, ThreadId, ThreadIdError};
use leptos::prelude::*;

/// Everything the widget needs to know from its host.
#[derive(Clone, Debug)]
pub struct Config {
    pub article: Article,
    /// The storage namespace, or why the requested one cannot be used.
    pub thread: Result<ThreadId, ThreadIdError>,
}

impl Config {
    /// The built-in article, in the thread named by `?thread=` or its own id.
    pub fn standalone() -> Config {
        let article = Article::built_in();
        let thread = match query_parameter("thread") {
            Some(requested) => ThreadId::parse(&requested),
            None => ThreadId::parse(&article.id),
        };
        Config { article, thread }
    }
}

fn query_parameter(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Mounts the widget as its own page (`index.html`).
pub fn mount_standalone() {
    let config = Config::standalone();
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&config.article.title);
    }
    mount_to_body(move || view! { <App config /> });
}
