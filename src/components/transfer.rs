//! Export and import of the reader's comments and likes of this thread.

use crate::browser::{download, now_ms, read_chosen_file};
use crate::discussion::use_discussion;
use crate::relay;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Export all of the reader's comments and likes of this thread as one JSON
/// file, and import such a file (merged without duplicates; a file that is
/// not valid changes nothing).
#[component]
pub fn Transfer() -> impl IntoView {
    let Some(discussion) = use_discussion() else {
        return ().into_any();
    };
    let text = discussion.text();
    let message = RwSignal::new(None::<String>);
    let input_id = format!("{}-import", discussion.id_prefix());
    // With relays: the signing key goes into the file only when asked for.
    let (key_choice, chosen_identity) = relay::views::key_choice(discussion.relays(), text);
    let export_file = {
        let discussion = discussion.clone();
        move |_| {
            let (name, json) = discussion.export(now_ms(), chosen_identity());
            message.set(Some(match download(&name, &json) {
                Ok(()) => text.downloaded(&name),
                Err(_) => text.download_failed.to_string(),
            }));
        }
    };
    let import_file = move |event: leptos::ev::Event| {
        let discussion = discussion.clone();
        let input = event_target::<web_sys::HtmlInputElement>(&event);
        spawn_local(async move {
            let said = match read_chosen_file(&input).await {
                Ok(raw) => match discussion.import(&raw) {
                    Ok(imported) => imported.describe(&text),
                    Err(error) => error.describe(&text),
                },
                Err(problem) => text.import_error(&problem),
            };
            input.set_value("");
            let _ = message.try_set(Some(said));
        });
    };
    view! {
        <section class="agora-transfer" aria-label=text.your_comments>
            <button class="agora-button agora-button--secondary" type="button" on:click=export_file>
                {text.export}
            </button>
            <input
                class="agora-transfer__file agora-visually-hidden"
                id=input_id.clone()
                type="file"
                accept="application/json,.json"
                on:change=import_file
            />
            <label class="agora-button agora-button--secondary" for=input_id>{text.import}</label>
            {key_choice}
            <p class="agora-transfer__message" role="status">{move || message.get()}</p>
        </section>
    }
    .into_any()
}
