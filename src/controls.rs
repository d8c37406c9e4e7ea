//! Form controls that several views share.

use leptos::prelude::*;

use crate::ctx::ctx;
use crate::i18n::tr;
use crate::state::Route;

/// A choice of a `<select>`: its value, what it stands for, and its label
/// in Chinese and in English.
pub type Choice<T> = (&'static str, T, &'static str, &'static str);

/// A labelled `<select>` of fixed `choices` that shows `current` and puts
/// the one picked into the route with `set`.
pub fn choice_select<T, const N: usize>(
    label: (&'static str, &'static str),
    name: &'static str,
    choices: [Choice<T>; N],
    current: Memo<T>,
    set: fn(&mut Route, T),
) -> impl IntoView
where
    T: Copy + PartialEq + Default + Send + Sync + 'static,
{
    let c = ctx();
    let lang = c.lang;
    let change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let picked = choices
            .iter()
            .find(|x| x.0 == v)
            .map(|x| x.1)
            .unwrap_or_default();
        c.update(|r| set(r, picked));
    };
    let options = choices.map(|(value, t, zh, en)| {
        view! { <option value=value selected=move || current.get() == t>{move || tr(lang.get(), zh, en)}</option> }
    });
    view! {
        <label>
            {move || tr(lang.get(), label.0, label.1)} " "
            <select name=name on:change=change>{options}</select>
        </label>
    }
}
