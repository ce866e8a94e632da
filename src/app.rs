//! The widget: the article, then its discussion. This is where the model,
//! the store and the components meet; rules stay in the model.

use crate::browser::{first_screen_shown, interface_text, now_ms, preferred_languages};
use crate::components::comment_item::Clock;
use crate::components::{ArticleView, DiscussionView};
use crate::config::{ArticleSource, Config, Problem, Theme, page_query};
use crate::discussion::Discussion;
use crate::fetch::{self, fetch_article};
use crate::model::nostr::settings::SharingSettings;
use crate::model::{Article, CommentId, Lang, Loaded, Text, ThreadId};
use crate::relay;
use crate::store::Store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// How often relative times ("5 minutes ago") are brought up to date.
const CLOCK_TICK: Duration = Duration::from_secs(30);

#[derive(Clone, Debug)]
enum ArticleState {
    Loading,
    Ready(Box<Article>),
    Failed(String),
    /// Handed over to the relay build, which mounts in this one's place.
    HandedOver,
}

/// `standalone`: the widget is the whole page, so it also names the page.
/// In a language other than English (or with the site's own text) it says
/// "Loading…" until those messages have arrived; where they cannot be had,
/// or take longer than [`LANGUAGE_WAIT`], it shows English.
#[component]
pub fn App(config: Config, standalone: bool) -> impl IntoView {
    // The element's `lang` (or the page's own `?lang=`), then `?lang=`, then
    // the reader's browser languages.
    let lang = Lang::negotiate(config.lang.as_deref(), page_query("lang").as_deref(), &preferred_languages());
    let ready = lang.built_in().filter(|_| config.strings.is_none());
    let text = RwSignal::new(ready.map(|strings| interface_text(lang, strings)));
    if ready.is_none() {
        let (assets, own) = (config.assets.clone(), config.strings.clone());
        spawn_local(async move {
            let (lang, strings) = match fetch::language(lang, &assets).await {
                Ok(strings) => (lang, strings),
                Err(error) => {
                    leptos::logging::warn!("agora: {error}; English is shown");
                    (Lang::En, Text::english().strings())
                }
            };
            let strings = match own {
                Some(url) => fetch::own_strings(&url, &assets, strings).await,
                None => strings,
            };
            // Unless the wait ran out (or the widget was removed) meanwhile.
            let _ = text.try_update(|text| {
                text.get_or_insert(interface_text(lang, strings));
            });
        });
        set_timeout(
            move || {
                let _ = text.try_update(|text| {
                    if text.is_none() {
                        leptos::logging::warn!("agora: the interface text took too long to arrive; English is shown");
                        *text = Some(Text::english());
                    }
                });
            },
            LANGUAGE_WAIT,
        );
    }
    let theme = config.theme;
    move || match text.get() {
        Some(text) => view! { <Contents config=config.clone() text standalone /> }.into_any(),
        None => {
            let loading = Text::english().loading;
            root(theme, Lang::En, false, view! { <p class="agora-loading" role="status">{loading}</p> }).into_any()
        }
    }
}

/// How long a reader waits for their language's messages before English.
const LANGUAGE_WAIT: Duration = Duration::from_secs(5);

/// The widget once its interface text is known: what is wrong with the
/// host's settings, then the article and its discussion.
#[component]
fn Contents(config: Config, text: Text, standalone: bool) -> impl IntoView {
    let Config { article, thread, theme, sharing, on_relays, problems, .. } = config;
    let lang = text.lang;
    provide_context(text);
    // What the article needs, decided as it arrives (not while it is drawn):
    // the usual build has no relay layer, so where relays are asked for, the
    // page loads the build that has one (public/boot.js, public/embed.js)
    // and mounts it instead.
    let host_sharing = sharing.clone();
    let arrived = move |article: Article| {
        let switch = on_relays.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>());
        if !relay::IN_THIS_BUILD
            && (host_sharing.asks_for_relays() || article.sharing.asks_for_relays())
            && switch.is_some_and(|switch| switch.call0(&JsValue::NULL).is_ok())
        {
            return ArticleState::HandedOver;
        }
        // The standalone page is named after its article.
        if standalone && let Some(document) = web_sys::window().and_then(|window| window.document()) {
            document.set_title(&article.title);
        }
        ArticleState::Ready(Box::new(article))
    };
    let state = RwSignal::new(ArticleState::Loading);
    match article {
        ArticleSource::BuiltIn => state.set(arrived(Article::built_in())),
        ArticleSource::Url(url) => spawn_local(async move {
            let loaded = match fetch_article(&url).await {
                Ok(article) => arrived(article),
                Err(error) => ArticleState::Failed(text.article_error(&url, &error)),
            };
            // The widget may have been removed while the article loaded.
            let _ = state.try_set(loaded);
        }),
    }
    let content = move || match state.get() {
        ArticleState::Loading | ArticleState::HandedOver => {
            view! { <p class="agora-loading" role="status">{text.loading}</p> }.into_any()
        }
        ArticleState::Failed(message) => view! {
            <p class="agora-notice agora-notice--error" role="alert">{message}</p>
        }
        .into_any(),
        ArticleState::Ready(article) => {
            view! { <ArticleWithDiscussion article=*article thread=thread.clone() sharing=sharing.clone() /> }
                .into_any()
        }
    };
    let problems = problems
        .into_iter()
        .map(|Problem::UnknownTheme(theme)| {
            view! { <p class="agora-notice agora-notice--error" role="alert">{text.unknown_theme(&theme)}</p> }
        })
        .collect_view();
    root(theme, lang, false, view! { {problems} {content} })
}

/// The widget's root element. `first_screen`: marks the copy written into
/// `index.html` at build time (`crate::prerender::first_screen`), which the page shows
/// until the app takes over (`public/boot.js`).
pub(crate) fn root(theme: Theme, lang: Lang, first_screen: bool, children: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div
            class="agora"
            data-theme=theme.attribute()
            lang=lang.code()
            dir=lang.direction().attribute()
            data-first-screen=first_screen.then_some("")
        >
            {children}
        </div>
    }
}

#[component]
fn ArticleWithDiscussion(article: Article, thread: Option<String>, sharing: SharingSettings) -> impl IntoView {
    let text = use_context::<Text>().unwrap_or_else(Text::english);
    let discussion = match ThreadId::parse(thread.as_deref().unwrap_or(&article.id)) {
        Ok(thread_id) => view! { <LoadedDiscussion article=article.clone() thread_id text sharing /> }.into_any(),
        Err(error) => view! {
            <p class="agora-notice agora-notice--error" role="alert">
                {text.bad_thread(&error.0, ThreadId::MAX_LEN)}
            </p>
        }
        .into_any(),
    };
    view! {
        <ArticleView article />
        {discussion}
    }
}

/// A discussion opened from the reader's storage, shared on relays where
/// the settings name some, kept in step with other tabs and with the
/// page's address (permalinks). `sharing`: the host's settings for relays
/// (the article's are in `article`).
#[component]
fn LoadedDiscussion(article: Article, thread_id: ThreadId, text: Text, sharing: SharingSettings) -> impl IntoView {
    let store = Store::open(&thread_id);
    let (mut loaded, notice) = match store.load() {
        Ok(loaded) => (loaded, None),
        Err(error) => (Loaded::default(), Some(error.describe(&text))),
    };
    if !loaded.unusable.is_empty() {
        leptos::logging::warn!(
            "agora: {} stored comment(s) could not be read and were kept aside",
            loaded.unusable.len()
        );
    }
    let outbox = std::mem::take(&mut loaded.outbox);
    let discussion = Discussion::new(
        text,
        thread_id,
        store.clone(),
        &article,
        loaded,
        store.sort().unwrap_or_default(),
        store.remembered_name().unwrap_or_default(),
    );
    provide_context(discussion.clone());
    // This visit, for what will be new next time: noted now and again when
    // the reader leaves, so that what arrived while they read is not new.
    store.record_visit(now_ms());
    let on_leave = window_event_listener(leptos::ev::pagehide, {
        let store = store.clone();
        move |_| store.record_visit(now_ms())
    });
    on_cleanup(move || on_leave.remove());
    let setting_problems = discussion.share(sharing, article.sharing.clone(), &outbox);

    let (now, set_now) = signal(now_ms());
    provide_context(Clock(now));
    if let Ok(ticker) = set_interval_with_handle(move || set_now.set(now_ms()), CLOCK_TICK) {
        on_cleanup(move || ticker.clear());
    }

    // Other tabs and other widgets of this thread: follow every change.
    let watch = store.watch({
        let discussion = discussion.clone();
        move |heard| discussion.hear(heard)
    });
    on_cleanup(move || drop(watch));

    // Permalinks: `#comment-<id>` on arrival and whenever the hash changes.
    // Over the first screen the browser has already scrolled to it, and the
    // reader may have scrolled on since: highlighted, not scrolled to.
    reveal_hash(&discussion, !first_screen_shown());
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| reveal_hash(&discussion, true));
    on_cleanup(move || on_hash.remove());

    let notices = view! {
        {notice.map(|text| view! { <p class="agora-notice" role="status">{text}</p> })}
        {relay::views::setting_problems(&setting_problems, text)}
    };
    view! { <DiscussionView notices=notices.into_any() /> }
}

fn reveal_hash(discussion: &Discussion, scroll: bool) {
    let hash = web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
    if let Some(id) = hash.strip_prefix("#comment-").and_then(CommentId::parse) {
        discussion.reveal(&id, scroll);
    }
}
