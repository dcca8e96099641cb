//! The real desktop app under Xvfb, driven through tauri-driver and WebKitWebDriver, as a
//! user would: first figures, an edit, an invalid value, an export. Run with
//! `cargo xtask e2e` (it builds the app, installs the driver and starts a display).

use bascule_model::present::euros;
use bascule_model::reference::reference_scenario;
use bascule_model::{Language, evaluate_scenario, parse_scenario};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};

type Error = Box<dyn std::error::Error>;

fn app_binary() -> PathBuf {
    std::env::var_os("APP_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/bascule-desktop"),
        PathBuf::from,
    )
}

/// What `bascule evaluate` says the net benefit is, written as the app writes it.
fn expected_net_benefit(moved_share: &str) -> String {
    let mut scenario: Value =
        serde_json::to_value(reference_scenario(Language::Fr).expect("valid")).expect("json");
    scenario["migration"]["moved_share_pct"]["value"] = json!(moved_share);
    let scenario = parse_scenario(&scenario.to_string()).expect("valid");
    plain(&euros(
        evaluate_scenario(&scenario).figures.net_benefit_npv,
        Language::Fr,
    ))
}

/// Spaces of every width read as one kind, as WebDriver may return either.
fn plain(text: &str) -> String {
    text.replace(['\u{202f}', '\u{a0}'], " ")
}

async fn text_of(client: &Client, selector: &str) -> Result<String, Error> {
    Ok(plain(
        &client.find(Locator::Css(selector)).await?.text().await?,
    ))
}

/// Waits until the element's text satisfies `check`; fails with what it last read.
async fn wait_for_text(
    client: &Client,
    selector: &str,
    check: impl Fn(&str) -> bool,
) -> Result<String, Error> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(text) = text_of(client, selector).await {
            if check(&text) {
                return Ok(text);
            }
            last = text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!("{selector}: still {last:?} after 20 s").into())
}

async fn type_into(client: &Client, selector: &str, text: &str) -> Result<(), Error> {
    let input = client.find(Locator::Css(selector)).await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the built app, tauri-driver, WebKitWebDriver and a display: cargo xtask e2e"]
async fn the_app_answers_edits_and_exports() -> Result<(), Error> {
    let home = std::env::temp_dir().join(format!("bascule-e2e-home-{}", std::process::id()));
    std::fs::create_dir_all(&home)?;
    let mut driver = tokio::process::Command::new("tauri-driver")
        .env("HOME", &home)
        .env("LANG", "fr_FR.UTF-8")
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect("127.0.0.1:4444").is_err() {
        if Instant::now() > deadline {
            return Err("tauri-driver did not listen on 4444".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let result = drive(&app_binary()).await;
    // SIGTERM, so that tauri-driver stops WebKitWebDriver too.
    if let Some(pid) = driver.id() {
        std::process::Command::new("kill")
            .arg("-TERM")
            .arg(pid.to_string())
            .status()?;
    }
    let _ = tokio::time::timeout(Duration::from_secs(5), driver.wait()).await;
    result
}

async fn drive(app: &std::path::Path) -> Result<(), Error> {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("browserName".into(), json!("wry"));
    capabilities.insert("tauri:options".into(), json!({ "application": app }));
    let started = Instant::now();
    let client = ClientBuilder::rustls()?
        .capabilities(capabilities)
        .connect("http://127.0.0.1:4444")
        .await?;

    // The reference scenario's figures, exactly what the command line computes.
    let reference = expected_net_benefit("22.5");
    let shown = wait_for_text(&client, "[data-testid=net-benefit-exact]", |t| {
        !t.is_empty()
    })
    .await?;
    println!(
        "start to first figures: {} ms",
        started.elapsed().as_millis()
    );
    assert_eq!(shown, reference);
    let headline = text_of(&client, "#headline").await?;
    assert!(
        headline.starts_with("Basculer 22,5 % des utilisateurs"),
        "{headline}"
    );

    // Move 25 % of users: the net benefit becomes what `bascule evaluate` says for that file.
    let at_25 = expected_net_benefit("25");
    type_into(&client, "#field-migration-moved_share_pct", "25").await?;
    wait_for_text(&client, "[data-testid=net-benefit-exact]", |t| t == at_25).await?;

    // An impossible share: the field says what is allowed, in French.
    type_into(&client, "#field-migration-moved_share_pct", "140").await?;
    let error = wait_for_text(
        &client,
        "[data-testid=field-migration-moved_share_pct-error]",
        |t| !t.is_empty(),
    )
    .await?;
    assert!(error.contains("entre 0 et 100"), "{error}");
    type_into(&client, "#field-migration-moved_share_pct", "22.5").await?;
    wait_for_text(&client, "[data-testid=net-benefit-exact]", |t| {
        t == reference
    })
    .await?;

    // Export the briefing through the IPC command, with a path (the GTK dialog cannot be driven).
    let pdf = std::env::temp_dir().join(format!("bascule-e2e-{}.pdf", std::process::id()));
    let exported = client
        .execute_async(
            "const [path, done] = arguments;
             const { invoke } = window.__TAURI__.core;
             invoke('reference_scenario', { language: 'fr' })
               .then((scenario) => invoke('export_briefing', { scenario, path, language: 'fr', choices: { date: '2026-11-29' } }))
               .then(done, (e) => done('error: ' + JSON.stringify(e)));",
            vec![json!(pdf.to_str().ok_or("path")?)],
        )
        .await?;
    assert_eq!(exported, json!(pdf.to_str().ok_or("path")?), "{exported}");
    let bytes = std::fs::read(&pdf)?;
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() > 20_000);
    std::fs::remove_file(&pdf)?;

    // An edit to every expected figure and chart redrawn, 50 times, timed in the page.
    let mut timings: Vec<f64> = Vec::new();
    for i in 0..50 {
        let value = if i % 2 == 0 { "21" } else { "24" };
        let elapsed = client
            .execute_async(
                "const [value, done] = arguments;
                 const input = document.querySelector('#field-migration-moved_share_pct');
                 const target = document.querySelector('#chart-tornado');
                 const before = target.innerHTML;
                 const start = performance.now();
                 input.value = value;
                 input.dispatchEvent(new Event('input'));
                 const wait = () => (target.innerHTML !== before ? done(performance.now() - start) : requestAnimationFrame(wait));
                 requestAnimationFrame(wait);",
                vec![json!(value)],
            )
            .await?;
        timings.push(elapsed.as_f64().unwrap_or(f64::NAN));
    }
    timings.sort_by(f64::total_cmp);
    println!(
        "edit to figures and charts redrawn: p50 {:.1} ms, p95 {:.1} ms",
        timings[24], timings[47]
    );

    let screenshot = client.screenshot().await?;
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("main-window.png"), screenshot)?;
    client.close().await?;
    Ok(())
}
