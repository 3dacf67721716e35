//! Reading the plain JavaScript objects the hooks (`add-pages.js`, `shegong.js`) answer with,
//! field by field. A JSON parser here (serde_json's deserializer, whose error messages link the
//! standard library's float formatting) cost the first visit several KB for a few fields.

use wasm_bindgen::{JsCast, JsValue};

/// A field of a JavaScript object (`undefined` when it has none, or is not an object).
pub fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or_default()
}

/// The items of a JavaScript array (none when `value` is not one).
pub fn items(value: &JsValue) -> Vec<JsValue> {
    value
        .dyn_ref::<js_sys::Array>()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}
