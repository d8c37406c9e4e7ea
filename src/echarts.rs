//! The one place the app talks to ECharts (the global `echarts` of the
//! pinned `echarts.min.js` shipped beside the page).
//!
//! [`Chart`] owns one chart instance: it is created once when its element
//! mounts, given each new option with `notMerge` (so nothing of the last
//! view lingers), resized with the window, disposed when the element goes,
//! and its clicks come back as [`Click`] values.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    #[derive(Clone)]
    pub type EChartsInstance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init, catch)]
    fn echarts_init(
        el: &web_sys::HtmlElement,
        theme: &JsValue,
        opts: &JsValue,
    ) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(method, js_name = setOption, catch)]
    fn set_option(this: &EChartsInstance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn resize(this: &EChartsInstance);

    #[wasm_bindgen(method)]
    fn dispose(this: &EChartsInstance);

    #[wasm_bindgen(method)]
    fn on(this: &EChartsInstance, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &EChartsInstance, opts: &JsValue) -> String;
}

/// What was clicked in a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Click {
    /// `series`'s type: "sankey", "graph", "bar"…
    pub series_type: String,
    /// "node" or "edge" for sankey and graph; "" otherwise.
    pub data_type: String,
    /// The item's name (a node, a bar's category).
    pub name: String,
    /// For edges: the source and target node names.
    pub source: String,
    pub target: String,
    /// The item's `id`, when the option gave it one.
    pub id: String,
}

fn field(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn text(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| v.as_f64().map(|x| x.to_string()))
        .unwrap_or_default()
}

impl Click {
    fn from_js(p: &JsValue) -> Click {
        let data = field(p, "data");
        Click {
            series_type: text(&field(p, "seriesType")),
            data_type: text(&field(p, "dataType")),
            name: text(&field(p, "name")),
            source: text(&field(&data, "source")),
            target: text(&field(&data, "target")),
            id: text(&field(&data, "id")),
        }
    }
}

/// The JavaScript closure a chart calls on clicks, kept alive with it.
type ClickClosure = Rc<RefCell<Option<Closure<dyn FnMut(JsValue)>>>>;

/// A handle for saving a chart as an image.
#[derive(Clone, Copy)]
pub struct ChartHandle(StoredValue<Option<EChartsInstance>, LocalStorage>);

impl ChartHandle {
    /// The chart as a PNG data URL (white background, double resolution).
    pub fn png(&self) -> Option<String> {
        self.0.with_value(|c| {
            c.as_ref().map(|c| {
                let opts = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&opts, &"type".into(), &"png".into());
                let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &JsValue::from_f64(2.0));
                let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &"#ffffff".into());
                c.get_data_url(&opts.into())
            })
        })
    }
}

/// One chart. `option` is the ECharts option as JSON (built by `charts.rs`).
#[component]
pub fn Chart(
    /// The option, as JSON; a new value replaces the chart's content.
    #[prop(into)]
    option: Signal<String>,
    /// Called when a node, edge or bar is clicked.
    #[prop(optional)]
    on_click: Option<Callback<Click>>,
    /// Filled with a handle once the chart exists (for PNG export).
    #[prop(optional)]
    handle: Option<WriteSignal<Option<ChartHandle>>>,
    /// What the chart shows, for screen readers (the tables carry the data).
    #[prop(into)]
    label: String,
    /// CSS class of the chart's box (its size).
    #[prop(optional, into)]
    class: String,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let instance: StoredValue<Option<EChartsInstance>, LocalStorage> = StoredValue::new_local(None);
    let failed = RwSignal::new(None::<String>);
    // Keeps the click closure alive as long as the chart.
    let keep: ClickClosure = Rc::new(RefCell::new(None));
    let keep_for_init = keep.clone();
    // Makes the chart's instance, if it has none: the one `public/boot.js`
    // drew before the app started when it shows this very option (then true:
    // it is drawn already), else a new one.
    let ensure = move |el: &web_sys::HtmlElement, json: &str| -> bool {
        if instance.with_value(|i| i.is_some()) {
            return false;
        }
        let adopted = take_first_chart(Some((el, json)));
        let is_adopted = adopted.is_some();
        let made = match adopted {
            Some(chart) => Ok(chart),
            None => {
                let opts = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&opts, &"renderer".into(), &"canvas".into());
                echarts_init(el, &JsValue::NULL, &opts.into())
            }
        };
        match made {
            Ok(chart) => {
                if let Some(cb) = on_click {
                    let closure = Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
                        cb.run(Click::from_js(&p))
                    });
                    chart.on("click", closure.as_ref().unchecked_ref());
                    *keep_for_init.borrow_mut() = Some(closure);
                }
                instance.set_value(Some(chart));
                if let Some(h) = handle {
                    h.set(Some(ChartHandle(instance)));
                }
            }
            Err(e) => failed.set(Some(format!("{e:?}"))),
        }
        is_adopted
    };
    let ensure = Rc::new(ensure);
    // Set when the chart's element goes: a draw queued before then must not
    // make a new instance on the detached element (ECharts then fails in its
    // layout: "Cannot read properties of undefined (reading 'getLayout')").
    let gone = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let gone_at_cleanup = gone.clone();
    // The page's first chart lets the rest of the page render (ctx.settled),
    // drawn or not.
    let settled = use_context::<crate::ctx::Ctx>().map(|c| c.settled);
    let settle = move || {
        if let Some(s) = settled {
            if s.try_get_untracked() == Some(false) {
                s.set(true);
                // (public/boot.js registers the offline copy after it.)
                mark_once("jjj-settled");
            }
        }
    };
    Effect::new(move |_| {
        let json = option.get();
        let Some(el) = node.get() else { return };
        let el: web_sys::HtmlElement = el.into();
        let ensure = ensure.clone();
        // Each chart is drawn in a task of its own, after the page around it
        // is on screen: the first chart does not wait for the others, and no
        // task grows long. (The chart may be gone by then.)
        let gone = gone.clone();
        let draw = move || {
            if gone.load(std::sync::atomic::Ordering::Relaxed)
                || instance.try_with_value(|_| ()).is_none()
            {
                settle();
                return;
            }
            if ensure(&el, &json) {
                instance.with_value(|c| {
                    if let Some(c) = c {
                        c.resize();
                    }
                });
                mark_once("jjj-first-chart");
                settle();
                return;
            }
            instance.with_value(|c| {
                if let Some(c) = c {
                    match js_sys::JSON::parse(&json) {
                        Ok(opt) => {
                            let set = js_sys::Object::new();
                            let _ = js_sys::Reflect::set(&set, &"notMerge".into(), &JsValue::TRUE);
                            match c.set_option(&opt, &set.into()) {
                                Ok(()) => {
                                    mark_once("jjj-first-chart");
                                    // Drawn after a failure: show the box again, and
                                    // size the chart once it is shown (the class goes
                                    // when the signal's effects have run; a resize
                                    // while hidden sizes it to nothing).
                                    if failed.try_get_untracked().flatten().is_some() {
                                        failed.try_set(None);
                                        set_timeout(
                                            move || {
                                                instance.with_value(|c| {
                                                    if let Some(c) = c {
                                                        c.resize();
                                                    }
                                                })
                                            },
                                            std::time::Duration::ZERO,
                                        );
                                    }
                                }
                                Err(e) => {
                                    failed.try_set(Some(format!("{e:?}")));
                                }
                            }
                        }
                        Err(e) => {
                            failed.try_set(Some(format!("{e:?}")));
                        }
                    }
                }
            });
            settle();
        };
        match loading() {
            None => set_timeout(draw, std::time::Duration::ZERO),
            Some(wait) => leptos::task::spawn_local(async move {
                match JsFuture::from(wait).await {
                    Ok(_) => set_timeout(draw, std::time::Duration::ZERO),
                    Err(_) => {
                        failed.try_set(Some(crate::i18n::charts_missing().to_string()));
                        settle();
                    }
                }
            }),
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|c| {
            if let Some(c) = c {
                c.resize();
            }
        });
    });
    on_cleanup(move || {
        gone_at_cleanup.store(true, std::sync::atomic::Ordering::Relaxed);
        resize.remove();
        instance.update_value(|c| {
            if let Some(c) = c.take() {
                c.dispose();
            }
        });
    });
    let _keep = StoredValue::new_local(keep);
    view! {
        // A chart that failed keeps no empty box: its message takes the place.
        <div
            class=format!("chart {class}")
            class:chart-failed=move || failed.with(Option::is_some)
            node_ref=node
            role="img"
            aria-label=label
        ></div>
        {move || failed.get().map(|e| view! { <p class="chart-error" role="alert">{crate::i18n::chart_failed()} " " {e}</p> })}
    }
}

/// A User Timing mark, set the first time only (the benchmarks read
/// `jjj-first-chart`: the first chart drawn after the page opened).
pub fn mark_once(name: &str) {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    if p.get_entries_by_name(name).length() == 0 {
        let _ = p.mark(name);
    }
}

/// The chart `public/boot.js` drew before the app started (see
/// `src/prerender.rs`), once: when `into` is `(el, json)` and it shows
/// `json`, moved into `el` and handed back; otherwise disposed and removed
/// (what it shows must not stay on screen beside the app's own charts).
fn take_first_chart(into: Option<(&web_sys::HtmlElement, &str)>) -> Option<EChartsInstance> {
    let global = js_sys::global();
    let key = JsValue::from_str("jjjFirstChart");
    let first = js_sys::Reflect::get(&global, &key).ok()?;
    if first.is_undefined() || first.is_null() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    let chart: EChartsInstance = field(&first, "instance").unchecked_into();
    let drawn: web_sys::Element = field(&first, "el").dyn_into().ok()?;
    let shown = field(&first, "json").as_string();
    match into {
        Some((el, json)) if shown.as_deref() == Some(json) => {
            el.append_child(&drawn).ok()?;
            Some(chart)
        }
        _ => {
            chart.dispose();
            drawn.remove();
            None
        }
    }
}

/// Removes the chart `public/boot.js` drew early, if the app has not taken
/// it over (the corpus could not be shown, or another chart came first).
pub fn drop_first_chart() {
    take_first_chart(None);
}

/// While ECharts is still being loaded (`public/boot.js` evaluates it after
/// starting the app, and leaves the promise `jjjCharts`): that promise.
fn loading() -> Option<js_sys::Promise> {
    let global = js_sys::global();
    let has = js_sys::Reflect::get(&global, &JsValue::from_str("echarts"))
        .is_ok_and(|e| !e.is_undefined());
    if has {
        return None;
    }
    js_sys::Reflect::get(&global, &JsValue::from_str("jjjCharts"))
        .ok()?
        .dyn_into()
        .ok()
}
