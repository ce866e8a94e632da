use super::composer::{guard_oversized_insert, is_send_shortcut, text_field_class, FieldMessages};
use super::use_text;
use crate::discussion::use_discussion;
use crate::model::validate::{check, Field};
use crate::model::{CommentId, TEXT_LIMITS};
use leptos::html;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// Edits one of the reader's comments in place, by the same rules as
/// posting. Ctrl/Cmd+Enter saves, Escape cancels.
#[component]
pub fn EditBox(id: CommentId, text: String, on_close: Callback<()>) -> impl IntoView {
    let Some(d) = use_discussion() else {
        return ().into_any();
    };
    let words = use_text();
    let text = RwSignal::new(text);
    let error = RwSignal::new(None::<String>);
    let text_ref = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(input) = text_ref.get() {
            let _ = input.focus();
        }
    });
    let field_id = format!("{}-edit", d.id_prefix);
    let save = move || match check(&text.get_untracked(), TEXT_LIMITS) {
        Err(problem) => error.set(Some(words.field_error(Field::Text, problem))),
        Ok(body) => match d.edit(&id, body) {
            Ok(()) => on_close.run(()),
            Err(message) => error.set(Some(message)),
        },
    };
    let save_on_keys = save.clone();
    view! {
        <div class="agora-edit">
            <label class="agora-field__label" for=field_id.clone()>{words.edit_label()}</label>
            <textarea
                class=move || text.with(|t| text_field_class(t))
                id=field_id.clone()
                rows="4"
                node_ref=text_ref
                aria-invalid=move || error.with(|e| e.as_ref().map(|_| "true"))
                aria-describedby=format!("{field_id}-error {field_id}-counter")
                prop:value=text.get_untracked()
                on:input=move |event| text.set(event_target_value(&event))
                on:beforeinput=move |event| {
                    if let Some(characters) = guard_oversized_insert(&event, &text.get_untracked()) {
                        error.set(Some(words.insert_refused(characters)));
                    }
                }
                on:keydown=move |event: KeyboardEvent| {
                    if is_send_shortcut(&event) {
                        event.prevent_default();
                        save_on_keys();
                    } else if event.key() == "Escape" {
                        event.prevent_default();
                        on_close.run(());
                    }
                }
            ></textarea>
            <FieldMessages field_id error=error.into() value=text.into() limits=TEXT_LIMITS />
            <div class="agora-composer__actions">
                <button class="agora-button" type="button" on:click=move |_| save()>{words.save()}</button>
                <button class="agora-button agora-button--secondary" type="button" on:click=move |_| on_close.run(())>
                    {words.cancel()}
                </button>
            </div>
        </div>
    }
    .into_any()
}
