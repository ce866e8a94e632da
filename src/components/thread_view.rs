use super::CommentItem;
use crate::browser::after_next_paint;
use crate::discussion::{PAGE_SIZE, use_discussion};
use crate::model::Sort;
use crate::relay;
use leptos::prelude::*;

/// Top-level comments put on the page in the first frame: more than fill a
/// tall screen below the article. The rest of the page follows right after
/// the first paint, so a long thread does not hold back the first screen.
const FIRST_FRAME: usize = 10;

/// Given where nothing the widget renders is painted before the whole first
/// page is there: a widget rendering hidden beside its prerendered copy
/// (`crate::embed::mount_widget`). Splitting the first frame would only make
/// the rest of the page appear, and move what follows, after it takes over.
#[derive(Clone, Copy)]
pub struct WholeFirstPage;

/// The count heading, the sort choice, and the top-level comments a page of
/// fifty at a time (each with its replies).
#[component]
pub fn ThreadView(heading_id: String) -> impl IntoView {
    let Some(discussion) = use_discussion() else {
        return ().into_any();
    };
    let text = discussion.text();
    let tree = discussion.tree();
    // Natively (HTML written ahead of time) no frame is painted: all of it is written.
    let first_frame = RwSignal::new(cfg!(target_arch = "wasm32") && use_context::<WholeFirstPage>().is_none());
    after_next_paint(move || {
        let _ = first_frame.try_set(false);
    });
    let visible = {
        let discussion = discussion.clone();
        move || discussion.shown_top_level(first_frame.get().then_some(FIRST_FRAME))
    };
    let remaining = {
        let discussion = discussion.clone();
        move || discussion.not_shown()
    };
    let sort_buttons = Sort::ALL
        .into_iter()
        .map(|sort| {
            let (shown, choose) = (discussion.clone(), discussion.clone());
            let pressed = move || (shown.sort() == sort).to_string();
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
        {relay::views::moderation_refusal(discussion.relays(), text)}
        {relay::views::new_replies(discussion.clone(), text)}
        {relay::views::loading_older(discussion.relays(), text)}
        <ol class="agora-thread">
            <For each=visible key=|id| id.clone() let:id>
                <CommentItem id />
            </For>
        </ol>
        {move || {
            let more = remaining().min(PAGE_SIZE);
            let discussion = discussion.clone();
            (more > 0).then(|| view! {
                <button
                    class="agora-button agora-button--secondary agora-thread__more"
                    type="button"
                    on:click=move |_| discussion.show_more()
                >
                    {text.show_more(more)}
                </button>
            })
        }}
    }
    .into_any()
}
