//! The widget: the article, then its discussion. This is where the model,
//! the store and the components meet; rules stay in the model.

use crate::browser::{entropy, now_ms};
use crate::components::comment_item::Clock;
use crate::components::{ArticleView, Composer, PostResult, ThreadView};
use crate::embed::{ArticleSource, Config};
use crate::fetch::fetch_article;
use crate::model::{Article, Change, Comment, CommentId, Origin, Thread, ThreadId};
use crate::store::Store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How often relative times ("5 minutes ago") are brought up to date.
const CLOCK_TICK: Duration = Duration::from_secs(30);

/// Element ids must be unique on a page that embeds several widgets.
fn next_id_prefix() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("agora-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[derive(Clone, Debug)]
enum ArticleState {
    Loading,
    Ready(Article),
    Failed(String),
}

/// `standalone`: the widget is the whole page, so it also names the page.
#[component]
pub fn App(config: Config, standalone: bool) -> impl IntoView {
    let Config { article, thread, theme, lang, problems } = config;
    let state = RwSignal::new(match &article {
        ArticleSource::BuiltIn => ArticleState::Ready(Article::built_in()),
        ArticleSource::Url(_) => ArticleState::Loading,
    });
    if let ArticleSource::Url(url) = article {
        spawn_local(async move {
            let loaded = match fetch_article(&url).await {
                Ok(article) => ArticleState::Ready(article),
                Err(message) => ArticleState::Failed(message),
            };
            // The widget may have been removed while the article loaded.
            let _ = state.try_set(loaded);
        });
    }
    let content = move || match state.get() {
        ArticleState::Loading => {
            view! { <p class="agora-loading" role="status">"Loading the article\u{2026}"</p> }.into_any()
        }
        ArticleState::Failed(message) => view! {
            <p class="agora-notice agora-notice--error" role="alert">{message}</p>
        }
        .into_any(),
        ArticleState::Ready(article) => {
            if standalone {
                if let Some(document) = web_sys::window().and_then(|window| window.document()) {
                    document.set_title(&article.title);
                }
            }
            view! { <ArticleWithDiscussion article thread=thread.clone() /> }.into_any()
        }
    };
    view! {
        <div class="agora" data-theme=theme.attribute() lang=lang>
            {problems
                .into_iter()
                .map(|problem| {
                    view! { <p class="agora-notice agora-notice--error" role="alert">{problem}</p> }
                })
                .collect_view()}
            {content}
        </div>
    }
}

#[component]
fn ArticleWithDiscussion(article: Article, thread: Option<String>) -> impl IntoView {
    let discussion = match ThreadId::parse(thread.as_deref().unwrap_or(&article.id)) {
        Ok(thread_id) => view! { <Discussion article=article.clone() thread_id /> }.into_any(),
        Err(error) => view! {
            <p class="agora-notice agora-notice--error" role="alert">{error.to_string()}</p>
        }
        .into_any(),
    };
    view! {
        <ArticleView article />
        {discussion}
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

    // Other tabs and other widgets of this thread: show what they post,
    // follow what they remove.
    let watch = store.watch({
        let store = store.clone();
        move |change| match change {
            Change::Posted(comment) => thread.update(|t| {
                t.insert(comment);
            }),
            Change::Removed(id) => thread.update(|t| {
                t.remove(&id);
            }),
            Change::Cleared => {
                let posted = store.load().map(|loaded| loaded.comments).unwrap_or_default();
                thread.update(|t| t.set_posted(posted));
            }
        }
    });
    on_cleanup(move || drop(watch));

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

/// Keeps a new comment, then shows it. When storage is unavailable the
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
    store.post(&comment).map_err(|error| error.to_string())?;
    // Not remembering the name loses nothing the reader wrote.
    let _ = store.remember_name(&comment.author);
    thread.update(|t| {
        t.insert(comment);
    });
    Ok(())
}
