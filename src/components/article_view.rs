use crate::model::Article;
use leptos::prelude::*;

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    // In its own language and direction, where it says which; otherwise in
    // the direction of its own text, not the interface's.
    let dir = article.lang.as_ref().map_or("auto", |lang| lang.direction().attribute());
    let lang = article.lang.map(|lang| lang.as_str().to_string());
    view! {
        <article class="agora-article" part="article" lang=lang dir=dir>
            <h1 class="agora-article__title">{article.title}</h1>
            {article.byline.map(|byline| view! { <p class="agora-article__byline">{byline}</p> })}
            {article
                .paragraphs
                .into_iter()
                .map(|paragraph| view! { <p>{paragraph}</p> })
                .collect_view()}
        </article>
    }
}
