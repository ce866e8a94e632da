use super::{Composer, ThreadView, Transfer, UndoBar};
use crate::discussion::use_discussion;
use crate::model::DraftSlot;
use crate::relay;
use leptos::prelude::*;

/// The discussion under the article: `notices` (stored data that could not
/// be read, bad settings), the thread, then the composer and what follows
/// it. `thread_only`: just the notices and the thread, as in the first
/// screen written at build time (`crate::prerender::first_screen`); the composer
/// appears below it when the app takes over.
#[component]
pub fn DiscussionView(
    #[prop(optional)] notices: Option<AnyView>,
    #[prop(optional)] thread_only: bool,
) -> impl IntoView {
    let Some(discussion) = use_discussion() else {
        return ().into_any();
    };
    let text = discussion.text();
    let heading_id = format!("{}-count", discussion.id_prefix());
    let labelled_by = heading_id.clone();
    view! {
        <section class="agora-discussion" aria-labelledby=labelled_by aria-busy=relay::views::busy(discussion.relays())>
            {notices}
            <ThreadView heading_id />
            {(!thread_only).then(|| view! {
                <Composer draft_slot=DraftSlot::New title=text.join.to_string() />
                // Who will read what is posted, said once, under the thread's composer.
                <p class="agora-audience">{relay::views::audience(discussion.relays(), text)}</p>
                <UndoBar />
                <Transfer />
            })}
        </section>
    }
    .into_any()
}
