use super::CommentItem;
use crate::browser::after_next_paint;
use crate::discussion::{Discussion, PAGE_SIZE, use_discussion};
use crate::model::Sort;
use leptos::prelude::*;

/// Top-level comments put on the page in the first frame: more than fill a
/// tall screen below the article. The rest of the page follows right after
/// the first paint, so a long thread does not hold back the first screen.
const FIRST_FRAME: usize = 10;

/// The count heading, the sort choice, and the top-level comments a page of
/// fifty at a time (each with its replies).
#[component]
pub fn ThreadView(heading_id: String) -> impl IntoView {
    let Some(d) = use_discussion() else {
        return ().into_any();
    };
    let text = d.text;
    let tree = d.tree;
    let shown = d.shown;
    let first_frame = RwSignal::new(true);
    after_next_paint(move || {
        let _ = first_frame.try_set(false);
    });
    let pinned = d.pinned;
    let visible = move || {
        let limit = if first_frame.get() { shown.get().min(FIRST_FRAME) } else { shown.get() };
        pinned.with(|pinned| tree.with(|tree| tree.page(limit, pinned)))
    };
    let remaining = move || tree.with(|tree| tree.top().len()).saturating_sub(shown.get());
    let sort_buttons = Sort::ALL
        .into_iter()
        .map(|sort| {
            let d = d.clone();
            let pressed = move || (d.sort.get() == sort).to_string();
            let choose = d.clone();
            view! {
                <button class="agora-sort__option" type="button" aria-pressed=pressed on:click=move |_| choose.set_sort(sort)>
                    {match sort {
                        Sort::Oldest => text.oldest,
                        Sort::Newest => text.newest,
                        Sort::MostLiked => text.most_liked,
                    }}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="agora-thread__bar">
            <h2 class="agora-thread__count" id=heading_id aria-live="polite">
                {move || text.comments(tree.with(|tree| tree.count()))}
            </h2>
            <div class="agora-sort" role="group" aria-label=text.sort_group>
                <span class="agora-sort__label" aria-hidden="true">{text.sort_label}</span>
                {sort_buttons}
            </div>
        </div>
        {loading_older(&d)}
        <ol class="agora-thread">
            <For each=visible key=|id| id.clone() let:id>
                <CommentItem id />
            </For>
        </ol>
        {move || {
            let more = remaining().min(PAGE_SIZE);
            (more > 0).then(|| view! {
                <button
                    class="agora-button agora-button--secondary agora-thread__more"
                    type="button"
                    on:click=move |_| shown.update(|shown| *shown += PAGE_SIZE)
                >
                    {text.show_more(more)}
                </button>
            })
        }}
    }
    .into_any()
}

/// While relays are still sending older comments, says so: the count and
/// the list are not the whole thread yet.
#[cfg(feature = "relays")]
fn loading_older(d: &Discussion) -> impl IntoView + use<> {
    let (loading, text) = (d.loading_older, d.text);
    move || loading.get().then(|| view! { <p class="agora-thread__loading" role="status">{text.loading_older}</p> })
}

#[cfg(not(feature = "relays"))]
fn loading_older(_: &Discussion) -> impl IntoView + use<> {}
