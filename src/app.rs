//! The widget: the article, then its discussion. This is where the model,
//! the store and the components meet; rules stay in the model.

use crate::browser::{entropy, now_ms};
use crate::components::comment_item::Clock;
use crate::components::{ArticleView, Composer, PostResult, ThreadView};
use crate::embed::Config;
use crate::model::{change_from_event, Article, Change, Comment, CommentId, Origin, Thread, ThreadId};
use crate::store::{Store, StoreError};
use leptos::ev;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How often relative times ("5 minutes ago") are brought up to date.
const CLOCK_TICK: Duration = Duration::from_secs(30);

/// Element ids must be unique on a page that embeds several widgets.
fn next_id_prefix() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("agora-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    let Config { article, thread } = config;
    let discussion = match thread {
        Ok(thread_id) => view! { <Discussion article=article.clone() thread_id /> }.into_any(),
        Err(error) => view! {
            <p class="agora-notice agora-notice--error" role="alert">{error.to_string()}</p>
        }
        .into_any(),
    };
    view! {
        <div class="agora">
            <ArticleView article />
            {discussion}
        </div>
    }
}

#[component]
fn Discussion(article: Article, thread_id: ThreadId) -> impl IntoView {
    let id_prefix = next_id_prefix();
    let store = Store::open(&thread_id);
    let mut initial = Thread::from_article(&article);
    let notice = match store.load() {
        Ok(loaded) => {
            if loaded.set_aside > 0 {
                leptos::logging::warn!(
                    "agora: {} stored comment(s) could not be read and were kept aside",
                    loaded.set_aside
                );
            }
            initial.set_posted(loaded.comments);
            None
        }
        Err(error) => Some(error.to_string()),
    };
    let thread = RwSignal::new(initial);

    let (now, set_now) = signal(now_ms());
    provide_context(Clock(now));
    if let Ok(ticker) = set_interval_with_handle(move || set_now.set(now_ms()), CLOCK_TICK) {
        on_cleanup(move || ticker.clear());
    }

    // Other tabs of this origin: show what they post, follow what they remove.
    let listener = window_event_listener(ev::storage, {
        let store = store.clone();
        move |event| {
            let key = event.key();
            let value = event.new_value();
            match change_from_event(store.keys(), key.as_deref(), value.as_deref()) {
                Some(Change::Posted(comment)) => thread.update(|t| {
                    t.insert(comment);
                }),
                Some(Change::Removed(id)) => thread.update(|t| {
                    t.remove(&id);
                }),
                Some(Change::Cleared) => {
                    let posted = store.load().map(|loaded| loaded.comments).unwrap_or_default();
                    thread.update(|t| t.set_posted(posted));
                }
                None => {}
            }
        }
    });
    on_cleanup(move || listener.remove());

    let initial_name = store.remembered_name().unwrap_or_default();
    let on_post = Callback::new({
        let store = store.clone();
        move |(author, text): (String, String)| post(&store, thread, author, text)
    });
    let heading_id = format!("{id_prefix}-count");
    let labelled_by = heading_id.clone();

    view! {
        <section class="agora-discussion" aria-labelledby=labelled_by>
            {notice.map(|text| view! { <p class="agora-notice" role="status">{text}</p> })}
            <ThreadView thread heading_id />
            <Composer id_prefix initial_name on_post />
        </section>
    }
}

/// Stores a new comment, then shows it. When storage is unavailable the
/// comment is shown for this visit only (the notice says so); any other
/// storage failure refuses the post so the composer keeps the text.
fn post(store: &Store, thread: RwSignal<Thread>, author: String, text: String) -> PostResult {
    let at_ms = now_ms();
    let comment = Comment {
        id: CommentId::generate(at_ms, entropy()),
        author,
        text,
        origin: Origin::Posted { at_ms },
    };
    match store.save(&comment) {
        Ok(()) | Err(StoreError::Unavailable) => {}
        Err(error) => return Err(error.to_string()),
    }
    // Not remembering the name loses nothing the reader wrote.
    let _ = store.remember_name(&comment.author);
    thread.update(|t| {
        t.insert(comment);
    });
    Ok(())
}
