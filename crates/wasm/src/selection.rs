//! The facet selection a page passes to `searchWith`, read from the JavaScript object by hand:
//! `serde-wasm-bindgen`'s deserializer (with serde's error messages, which format floats)
//! cost the search-only module 14 KB gzipped for four fields.

use js_sys::{Array, Reflect};
use shegong_article::YearMonth;
use shegong_search::Selection;
use wasm_bindgen::{JsCast, JsValue};

/// `{regions?: string[], programs?: string[], from?: {year, month} | null, to?: … }`;
/// `undefined` or `null` selects nothing. The error says which field is wrong and what it
/// must be.
pub fn from_js(value: &JsValue) -> Result<Selection, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Selection::default());
    }
    if !value.is_object() {
        return Err("selection must be an object: {regions, programs, from, to}".into());
    }
    Ok(Selection {
        regions: strings(value, "regions")?,
        programs: strings(value, "programs")?,
        from: month(value, "from")?,
        to: month(value, "to")?,
    })
}

/// A field of `object`; `None` when it is missing, `undefined` or `null`.
fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn strings(object: &JsValue, name: &str) -> Result<Vec<String>, String> {
    let Some(value) = field(object, name) else {
        return Ok(Vec::new());
    };
    let wrong = || format!("selection.{name} must be an array of strings");
    let array = value.dyn_into::<Array>().map_err(|_| wrong())?;
    array
        .iter()
        .map(|item| item.as_string().ok_or_else(wrong))
        .collect()
}

fn month(object: &JsValue, name: &str) -> Result<Option<YearMonth>, String> {
    let Some(value) = field(object, name) else {
        return Ok(None);
    };
    let wrong = || format!("selection.{name} must be {{year, month}} with month 1–12");
    let number = |key: &str| {
        field(&value, key)
            .and_then(|v| v.as_f64())
            .filter(|n| n.fract() == 0.0)
    };
    match (number("year"), number("month")) {
        (Some(year), Some(month))
            if (-9999.0..=9999.0).contains(&year) && (1.0..=12.0).contains(&month) =>
        {
            Ok(Some(YearMonth {
                year: year as i32,
                month: month as u32,
            }))
        }
        _ => Err(wrong()),
    }
}
