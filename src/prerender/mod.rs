//! HTML written ahead of time, natively, by the same components that render
//! the widget in the browser, so that readers (and search engines) see an
//! article and its comments before any WebAssembly has arrived, and nothing
//! is painted twice from two sources:
//!
//! - [`first_screen`]: the built-in article in the standalone page's
//!   `index.html`, written at every build (`agora-first-screen`);
//! - [`element`]: any article as an `<agora-thread>` element with its
//!   content in a declarative shadow root, for a site's own pages
//!   (`agora-render`).
//!
//! In the browser the app renders the same markup and takes the written
//! copy's place in one task (`public/boot.js`, `public/embed.js`).

/// Written with the relay build's views (`agora-render` is built with
/// `--features relays`), so that a shared thread shows as that build shows it.
#[cfg(feature = "relays")]
pub mod element;
pub mod first_screen;
#[cfg(feature = "relays")]
mod snapshot;

use crate::app::root;
use crate::components::comment_item::Clock;
use crate::components::{ArticleView, DiscussionView};
use crate::config::Theme;
use crate::discussion::Discussion;
use crate::model::{Article, Loaded, Sort, Text, ThreadId};
use crate::store::Store;
use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use leptos::reactive::diagnostics::SpecialNonReactiveZone;

/// How much of the widget is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The article and the thread: the standalone page's first screen, where
    /// the composer comes with the app, below everything the page shows.
    ThreadOnly,
    /// Everything the app shows a reader with nothing stored, composer
    /// included: in a host's page content follows the element, and a
    /// composer appearing later would push it down.
    Whole,
}

/// One widget as the app renders it for a reader with nothing stored.
pub struct Widget<'a> {
    pub article: &'a Article,
    pub thread_id: &'a ThreadId,
    pub text: Text,
    pub theme: Theme,
    /// When it is written: comments' ages ("3 days ago") are as of then,
    /// until the app brings them up to date.
    pub now_ms: f64,
    pub part: Part,
}

impl Widget<'_> {
    /// The widget's root element (`.agora`, marked `data-first-screen`) and
    /// everything in it.
    pub fn to_html(&self) -> String {
        self.to_html_with(|_| ())
    }

    /// The same, with the discussion prepared first by `prepare` (what a
    /// shared thread's relays held, `element`).
    pub(crate) fn to_html_with(&self, prepare: impl FnOnce(&Discussion)) -> String {
        // Effects (focus, scrolling into view) have nothing to do here.
        let _ = Executor::init_custom_executor(NoEffects);
        // Rendered once, so nothing is tracked: no warnings about that.
        let _untracked = SpecialNonReactiveZone::enter();
        let owner = Owner::new();
        owner.with(|| {
            provide_context(self.text);
            provide_context(Clock(signal(self.now_ms).0));
            let store = Store::none(self.thread_id);
            let discussion = Discussion::new(
                self.text,
                self.thread_id.clone(),
                store,
                self.article,
                Loaded::default(),
                Sort::default(),
                String::new(),
            );
            prepare(&discussion);
            provide_context(discussion);
            let content = view! {
                <ArticleView article=self.article.clone() />
                <DiscussionView thread_only=self.part == Part::ThreadOnly />
            };
            root(self.theme, self.text.lang, true, content).to_html()
        })
    }
}

/// An executor that drops what it is given.
struct NoEffects;

impl CustomExecutor for NoEffects {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}
