//! Saving what the page shows: CSV and JSON files, chart images.

use wasm_bindgen::JsCast;

/// Offers `content` as a file called `name`.
pub fn text_file(name: &str, mime: &str, content: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else { return };
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    link(&doc, &url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers a `data:` URL (a chart's PNG) as a file called `name`.
pub fn data_url(name: &str, url: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    link(&doc, url, name);
}

fn link(doc: &web_sys::Document, url: &str, name: &str) {
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    a.set_attribute("hidden", "").ok();
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}
