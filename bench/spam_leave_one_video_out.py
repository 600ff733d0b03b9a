"""Spam engine bench (issue #4): leave-one-video-out and cross-domain quality, throughput and latency.

    .venv/bin/python bench/spam_leave_one_video_out.py [--json] [--record]

Each YouTube video is held out in turn: the engine is trained on the other two videos plus the SMS set and
tested on the held-out video after removing exact duplicates. Cross-domain: trained on YouTube only and
tested on SMS. The shipped model (trained on everything) is also shown on each set; those rows are
in-sample and only show that the shipped thresholds behave. Throughput is batch scoring of 20,000
comments on one core, latency is one `Engine.check` call at a time, rules included.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from pathlib import Path

import numpy as np

from broadsheet.antispam.core import (
    Engine,
    LabelledExample,
    Policy,
    Submission,
    load_default_engine,
    load_default_model,
    train,
)
from broadsheet.antispam.core.learning import deduplicate
from broadsheet.antispam.evaluation import EvaluationReport, evaluate
from broadsheet.antispam.training import (
    AUXILIARY_GROUPS,
    GROUP_WEIGHTS,
    read_training_sets,
    video_name,
    youtube_files,
)
from broadsheet.shared_data import shared_data_file

RESULTS_FILE = Path(__file__).resolve().parent / "RESULTS.md"
SECTION_HEADING = "## Spam engine (issue #4)"
THROUGHPUT_COMMENTS = 20_000
# Measured with this script while choosing the features (Nov 2026); kept so the next change starts from them.
VARIANTS_TRIED = (
    ("features v2 (before)", "0.948 / 0.886 / 0.877", "0.57% / 0.58% / 0.00%"),
    ("+ call-to-action intent tokens", "0.949 / 0.910 / 0.900", "1.72% / 0.58% / 0.53%"),
    ("+ links typed youtubelink / httplink", "0.948 / 0.886 / 0.886", "0.57% / 0.58% / 0.00%"),
    ("intents + link types + NFKC folding", "0.956 / 0.910 / 0.913", "1.15% / 0.58% / 0.00%"),
    ("... with C = 30", "0.952 / 0.914 / 0.908", "1.15% / 0.58% / 0.00%"),
    ("... with SMS weight 0.25", "0.959 / 0.914 / 0.901", "1.15% / 0.58% / 1.05%"),
    ("... with SMS weight 1.0", "0.946 / 0.902 / 0.917", "2.30% / 0.58% / 0.00%"),
    (
        "... NB log-count-ratio scaling (NB-SVM, 0.5 + abs(r))",
        "0.941 / 0.882 / 0.921",
        "0.57% / 1.16% / 0.00%",
    ),
    ("... NB log-count-ratio scaling (abs(r) only)", "0.930 / 0.848 / 0.913", "0.57% / 1.16% / 0.00%"),
    ("... 'subscribers' no longer a subscribe intent", "0.948 / 0.902 / 0.897", "1.15% / 0.58% / 1.05%"),
    ("... character 3–5-grams", "0.948 / 0.921 / 0.906", "1.15% / 0.58% / 1.05%"),
    ("... character 1–4-grams", "0.949 / 0.910 / 0.901", "2.30% / 0.58% / 1.05%"),
    ("... + punctuation runs folded", "0.952 / 0.970 / 0.906", "0.57% / 1.73% / 1.05%"),
    ("... + thresholds set on comments only (shipped)", "0.952 / 0.914 / 0.906", "0.57% / 0.58% / 1.05%"),
    ("... with C = 30 / C = 300", "0.952 / 0.914 / 0.900; 0.951 / 0.910 / 0.906", "≤ 1.05%"),
    (
        "... spam threshold from the worst video, not the mean",
        "0.951 / 0.877 / 0.895",
        "0.00% / 0.58% / 0.00%",
    ),
    (
        "... character block weight chosen by cross-validation inside the training videos from 1 / 0.5 / 0.25 "
        "(chose 0.5 / 0.5 / 1)",
        "0.969 / 0.955 / 0.906",
        "0.57% / 0.58% / 1.05%",
    ),
    ("... character block weight fixed at 0.5 (not chosen inside training)", "0.969 / 0.955 / 0.909",
     "0.57% / 0.58% / 0.53%"),
    ("... character block weight fixed at 0.25 (not chosen inside training)", "0.969 / 0.940 / 0.873",
     "0.57% / 0.58% / 0.53%"),
    (
        "... chosen weight + spam threshold in the middle of the gap between genuine scores (shipped)",
        "0.962 / 0.955 / 0.904",
        "0.57% / 0.58% / 0.00%",
    ),
    ("... + spaced-out domains ('site . com', 'site dot com') read as links", "0.959 / 0.951 / 0.904",
     "0.57% / 0.58% / 0.00%"),
    ("... + word vectors distilled from all-MiniLM-L6-v2 (64 dims, SIF-weighted WordPiece mean) as a dense "
     "block, its scale chosen inside training from 0 / 0.1 / 0.3 / 1 (chose 0 / 0 / 0.1)",
     "0.962 / 0.955 / 0.913", "0.57% / 0.58% / 0.53%"),
    ("... the same vectors at a fixed scale 0.3 / 1", "0.959 / 0.933 / 0.908; 0.944 / 0.899 / 0.882",
     "0.57% / 0.58% / 0.00%; 0.00% / 1.16% / 0.00%"),
    ("... no length feature / length counted up to 200 characters only", "0.941 / 0.929 / 0.906; "
     "0.973 / 0.933 / 0.896", "0.57% / 0.58% / 1.05%; 0.00% / 0.58% / 0.53%"),
    ("... + BBC news paragraphs as genuine examples (weight 0.5)", "0.959 / 0.898 / 0.882",
     "0.00% / 0.58% / 0.00%"),
    ("... a comment over 300 characters that only the model condemns is held", "0.959 / 0.925 / 0.868",
     "0.00% / 0.58% / 0.00%"),
    ("... over 600 characters", "0.966 / 0.955 / 0.895", "0.00% / 0.58% / 0.00%"),
    ("... 600 characters as the model reads the text ('SUBSCRIBE!!!!…' is short)", "0.966 / 0.955 / 0.904",
     "0.00% / 0.58% / 0.00%"),
    ("... features found in one training group only left out (all / character n-grams only)",
     "0.910 / 0.941 / 0.891; 0.966 / 0.944 / 0.895", "0.00% / 1.16% / 0.00%; 0.00% / 0.58% / 0.00%"),
    ("... character weight chosen by mean recall over 0-5% ham flagged / at 2%, not at 1% (same choices / "
     "worse; measured with the rule below, when it still read digits inside links: one KatyPerry comment)",
     "0.966 / 0.955 / 0.904; 0.951 / 0.940 / 0.904", "0.00% / 0.58% / 0.00%"),
    ("... + rule contact_elsewhere (e-mail, phone, messenger handle with a request to get in touch; shipped)",
     "0.966 / 0.955 / 0.904", "0.00% / 0.58% / 0.00%"),
    ("... + word trigrams (4 Dec 2026)",
     "0.959 / 0.944 / 0.891", "0.00% / 0.58% / 0.00%"),
    ("... number tokens ('[number]', '[number] [number]') left out of the word block; blog 18.11% ham marked spam instead of 14.49%",
     "0.976 / 0.955 / 0.913", "0.00% / 1.16% / 0.53%"),
    ("... the models at character weights 0.5 + 0.25 / 1 + 0.5 + 0.25 averaged, as candidates chosen inside "
     "training (4 Dec 2026)", "0.962 / 0.955 / 0.909", "≤ 0.58% / 0.58% / 0.53%"),
    ("... sublinear term frequency (1 + log tf; repeated n-grams merged, a sort per chunk) / binary "
     "(5 Dec 2026); cross-domain SMS 0.648 (2.08% ham marked spam) / 0.617 (1.37%) instead of 0.657 (4.38%)",
     "0.966 / 0.955 / 0.908; 0.948 / 0.966 / 0.895", "0.00% / 0.58% / 0.00%; 0.57% / 2.31% / 0.00%"),
    ("... words hashed as arrays (features v4: a sum of characters mixed with their place) instead of one "
     "CRC-32 each, into the same 2^17 token columns (5 Dec 2026)", "0.962 / 0.944 / 0.900",
     "0.00% / 0.58% / 0.00%"),
    ("... the same into 2^20 token columns (2.6% of the 57,205 training tokens share a column instead of "
     "about 19%; shipped), with three salts for the word hash", "0.966 / 0.951 / 0.900; 0.966 / 0.955 / "
     "0.900; 0.962 / 0.955 / 0.900", "0.00% / 0.58% / 0.00%"),
    ("... and 2^20 character columns (no change; not shipped, 8 MB more per process)",
     "0.966 / 0.951 / 0.900", "0.00% / 0.58% / 0.00%"),
    ("... + the author's name as words and pairs (6 Dec 2026)", "0.962 / 0.940 / 0.895", "≤ 0.58%"),
    ("... + the shape of the author's name, five tokens: has digits / not ASCII / one, two or three words / "
     "all capitals / words run together", "0.966 / 0.959 / 0.917", "≤ 0.58%"),
    ("... each shape alone: digits / not ASCII / word count / capitals", "0.966 / 0.951 / 0.900; 0.966 / "
     "0.951 / 0.896; 0.962 / 0.955 / 0.895; 0.966 / 0.951 / 0.900", "≤ 0.58%"),
    ("... words run together with surname particles ('McCoy', 'DeFeo': 6 names) not counting: KatyPerry's "
     "character weight chosen as 0.25 instead of 0.5", "0.969 / 0.933 / 0.918", "0.00% / 0.58% / 0.53%"),
    ("... words run together alone, 'BestMusicChannel', 'xXGamerXx' (features v5; shipped)",
     "0.969 / 0.955 / 0.918", "0.00% / 0.58% / 0.53%"),
)  # fmt: skip
# How well each variant ranks, not what it flags: the best F1 any threshold reaches on the held-out video
# with at most 1% of its ham flagged (the threshold is picked on the test video, so these are upper bounds,
# comparable with each other only). Classifier plus rules, measured while choosing the shipped method.
RANKINGS_TRIED = (
    ("logistic regression on words + characters (before)", "0.956 / 0.933 / 0.900"),
    ("words only / characters only", "0.976 / 0.944 / 0.926; 0.907 / 0.886 / 0.887"),
    ("character block weight 0.5 / 0.35 / 0.25 / 0.125",
     "0.973 / 0.959 / 0.918; 0.976 / 0.959 / 0.922; 0.976 / 0.959 / 0.930; 0.976 / 0.951 / 0.934"),
    ("average of the models at weights 1, 0.5, 0.25 / at 0.5, 0.25",
     "0.973 / 0.959 / 0.913; 0.976 / 0.962 / 0.922"),
    ("stacked (inner cross-validation) word-only and character-only models", "0.956 / 0.959 / 0.896"),
    ("multinomial naive Bayes, binary, alpha 1 / complement NB, alpha 0.3",
     "0.944 / 0.890 / 0.883; 0.933 / 0.886 / 0.873"),
    ("stacked logistic regression + multinomial NB (NB weight came out ≈ 0)", "0.966 / 0.918 / 0.900"),
    ("classifier calibrated with the rules' weights as an offset", "0.956 / 0.937 / 0.900"),
    ("weight 0.5 with C = 30 / C = 300", "0.976 / 0.959 / 0.913; 0.973 / 0.959 / 0.918"),
    ("weight 0.5 with spam examples weighted 0.5 / 2", "0.976 / 0.959 / 0.913; 0.973 / 0.959 / 0.918"),
    ("character n-grams inside words only (char_wb), weight 1 / 0.5",
     "0.945 / 0.899 / 0.905; 0.969 / 0.952 / 0.913"),
    ("shape tokens (capitals ratio, length bucket, emoji, link first/last), weight 1 / 0.5",
     "0.963 / 0.914 / 0.900; 0.983 / 0.955 / 0.913"),
    ("MiniLM word vectors (64 dims, SIF) as a dense block at scale 0.3 / 1; 32 / 128 dims at 0.3",
     "0.976 / 0.951 / 0.908; 0.966 / 0.865 / 0.926; 0.980 / 0.944 / 0.913; 0.966 / 0.951 / 0.908"),
    ("MiniLM input embeddings (not the transformer's output) at scale 0.3 / 1",
     "0.969 / 0.944 / 0.922; 0.922 / 0.847 / 0.917"),
)  # fmt: skip


def held_out(examples: list[LabelledExample]) -> list[LabelledExample]:
    unique, _ = deduplicate(examples)
    return unique


def row(split: str, trained_on: str, report: EvaluationReport, extra: dict | None = None) -> dict:
    return {"split": split, "trained_on": trained_on, **report.as_dict(), **(extra or {})}


def measure_throughput(engine: Engine) -> dict[str, float]:
    """Comments per second for the whole engine and for the classifier alone, batches of 1,000."""
    submissions = [example.submission for example in read_training_sets()]
    submissions = (submissions * (THROUGHPUT_COMMENTS // len(submissions) + 1))[:THROUGHPUT_COMMENTS]
    assert engine.model is not None
    engine.check_many(submissions[:20])
    started, started_cpu = time.perf_counter(), time.thread_time()
    for start in range(0, len(submissions), 1000):
        engine.check_many(submissions[start : start + 1000])
    engine_seconds = time.perf_counter() - started
    engine_cpu_seconds = time.thread_time() - started_cpu
    started = time.perf_counter()
    for start in range(0, len(submissions), 1000):
        engine.model.probabilities(submissions[start : start + 1000])
    classifier_seconds = time.perf_counter() - started
    # Wall-clock latency includes time the process waits for the CPU on a busy machine; CPU time does not.
    latencies, cpu_latencies = [], []
    for submission in submissions[:5000]:
        started, started_cpu = time.perf_counter(), time.thread_time()
        engine.check(submission)
        latencies.append((time.perf_counter() - started) * 1000)
        cpu_latencies.append((time.thread_time() - started_cpu) * 1000)
    return {
        "engine_comments_per_second": len(submissions) / engine_seconds,
        "engine_comments_per_cpu_second": len(submissions) / engine_cpu_seconds,
        "classifier_comments_per_second": len(submissions) / classifier_seconds,
        "p50_ms": float(np.percentile(latencies, 50)),
        "p99_ms": float(np.percentile(latencies, 99)),
        "p99_cpu_ms": float(np.percentile(cpu_latencies, 99)),
        "mean_characters": float(np.mean([len(submission.content) for submission in submissions])),
    }


def throughput_by_file(engine: Engine) -> list[dict]:
    """Each shared set scored as `spam evaluate` scores a file (one batch, fastest of three passes), by CPU
    time; and news paragraphs of 100-400 characters standing in for the longer comments of a news site."""
    sets = {f"{video_name(path)} comments": read_training_sets(videos=[video_name(path)], sms=False)
            for path in youtube_files()}  # fmt: skip
    sets["SMS messages"] = read_training_sets(videos=[])
    paragraphs = []
    with shared_data_file("news/bbc-news.jsonl").open(encoding="utf-8") as file:
        for line in file:
            paragraphs += [text for text in json.loads(line)["paragraphs"] if 100 <= len(text) <= 400]
    news = [Submission(content=text) for text in paragraphs[:2000]]
    submissions = {name: [example.submission for example in examples] for name, examples in sets.items()}
    submissions["news paragraphs, 100-400 characters"] = news
    rows = []
    for name, batch in submissions.items():
        engine.check_many(batch[:20])
        passes = []
        for _ in range(3):
            started = time.thread_time()
            engine.check_many(batch)
            passes.append(time.thread_time() - started)
        rows.append({"set": name, "n": len(batch), "mean_characters": float(np.mean([len(s.content) for s in batch])),
                     "comments_per_cpu_second": len(batch) / min(passes)})  # fmt: skip
    return rows


def run() -> dict:
    videos = [video_name(path) for path in youtube_files()]
    rows = []
    for video in videos:
        started = time.perf_counter()
        model = train(
            read_training_sets(videos=[v for v in videos if v != video]),
            group_weights=GROUP_WEIGHTS,
            auxiliary_groups=AUXILIARY_GROUPS,
        )
        seconds = time.perf_counter() - started
        report = evaluate(
            held_out(read_training_sets(videos=[video], sms=False)), Engine(model, Policy.from_model(model))
        )
        others = " + ".join(v for v in videos if v != video)
        rows.append(row(f"held-out {video}", f"{others} + SMS", report, {"training_seconds": seconds,
                        "spam_threshold": model.metadata["spam_threshold"],
                        "character_weight": model.metadata["character_weight"]}))  # fmt: skip
    model = train(read_training_sets(sms=False))
    report = evaluate(held_out(read_training_sets(videos=[])), Engine(model, Policy.from_model(model)))
    rows.append(
        row("cross-domain SMS", "YouTube only", report, {"spam_threshold": model.metadata["spam_threshold"]})
    )
    shipped = load_default_engine()
    for video in videos:
        report = evaluate(held_out(read_training_sets(videos=[video], sms=False)), shipped)
        rows.append(row(f"shipped on {video}", "everything (in-sample)", report))
    rows.append(
        row(
            "shipped on SMS",
            "everything (in-sample)",
            evaluate(held_out(read_training_sets(videos=[])), shipped),
        )
    )
    return {
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "splits": rows,
        "throughput": measure_throughput(shipped),
        "throughput_by_file": throughput_by_file(shipped),
    }


def as_markdown(results: dict) -> str:
    lines = [
        SECTION_HEADING,
        "",
        "Command: `.venv/bin/python bench/spam_leave_one_video_out.py` (`--json` for one object, `--record` to",
        f"rewrite this section). Python {results['python']}, {results['machine']}.",
        "Flagged = spam or discard; held comments are not flagged and are counted separately.",
        "",
        "| split | trained on | n | precision | recall | F1 | ham marked spam | held | recall @1% FPR |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for split in results["splits"]:
        lines.append(
            f"| {split['split']} | {split['trained_on']} | {split['n']} | {split['precision']:.3f} | "
            f"{split['recall']:.3f} | {split['f1']:.3f} | {split['false_positive_rate']:.2%} | "
            f"{split['held_rate']:.1%} ({split['held_spam']} spam, {split['held_ham']} ham) | "
            f"{split['recall_at_1_percent_fpr']:.3f} |"
        )
    speed = results["throughput"]
    lines += [
        "",
        f"Throughput ({THROUGHPUT_COMMENTS:,} comments, mean {speed['mean_characters']:.0f} characters, batches of "
        f"1,000, one core): engine with rules {speed['engine_comments_per_second']:,.0f} comments/s wall clock "
        f"({speed['engine_comments_per_cpu_second']:,.0f} per CPU-second), classifier alone "
        f"{speed['classifier_comments_per_second']:,.0f} comments/s. Single `Engine.check`: p50 "
        f"{speed['p50_ms']:.3f} ms, p99 {speed['p99_ms']:.3f} ms wall clock, p99 {speed['p99_cpu_ms']:.3f} ms CPU time.",
        "",
        "The same engine on each file as `broadsheet spam evaluate` scores it (the whole file as one batch,",
        "fastest of three passes, CPU time of one core). Its cost grows with the length of the text:",
        "",
        "| set | n | mean characters | comments per CPU-second |",
        "| --- | --- | --- | --- |",
        *(
            f"| {row['set']} | {row['n']:,} | {row['mean_characters']:.0f} | {row['comments_per_cpu_second']:,.0f} |"
            for row in results.get("throughput_by_file", [])
        ),  # fmt: skip
        "",
        "On 4 Dec 2026 the engine got cheaper, verdicts, reasons and scores (to 12 decimals) unchanged: a quick",
        "test for a possible link before the link pattern, calls to action and the link-signature rule skipped",
        "for comments without their words or links, one square root per comment instead of one per n-gram,",
        "explanations of common words cached, 256 comments a chunk, cheaper tests for addresses and repeated",
        "letters. Callgrind counts 677,000 instructions a comment instead of 839,000 on the shared sets, and",
        "853,000 instead of 1,079,000 on the Instagram comments further down. `throughput_by_file` on the",
        "earlier code and on this one (before the last two changes), alternating on one machine within minutes,",
        "gave Psy 10,008 → 11,467, KatyPerry 8,595 → 9,642, LMFAO 12,364 → 14,990, SMS 10,281 → 10,717 and news",
        "paragraphs 4,870 → 5,482 comments per CPU-second; wall-clock figures on this shared machine vary by a",
        "tenth from run to run. Before, a 100-character comment was under the 10,000 a second target; now it is",
        "at it, and shorter ones above.",
        "",
        'On 5 Dec 2026 words and word pairs stopped being hashed one string at a time (building "w:word" and',
        '"b:first second", encoding each, one CRC-32 call each: a fifth of the cost of a news paragraph). All',
        "words of a chunk are now hashed in a few numpy operations, as the sum of their characters each mixed",
        "with its place in the word, and a pair from its two words' hashes; the strings are built only for the",
        "few tokens an explanation names. That changes the features (version 4), so the shipped model was",
        "retrained. The same comparison, old and new code alternating three times within minutes",
        "(KatyPerry six times over, and two news paragraphs per BBC article): KatyPerry 10,363-10,714 →",
        "11,351-11,918 comments per CPU-second, news paragraphs 6,552-6,714 → 7,446-7,796. Held-out figures",
        "moved by one comment at most, within what the choice of hash salt alone moves them (variants below).",
        "",
        "On 6 Dec 2026 the model learned one token from the author's name (features v5, below) and was",
        "retrained. Its cost is one regular-expression search a comment: old and new code alternating three",
        "times (KatyPerry six times over) gave 9,210-12,118 and 10,374-11,208 comments per CPU-second, the",
        "spread of this shared machine, not a difference (the figures above move by up to a fifth between runs).",
        "",
        targets_line(results),
        "The classifier weighs its character n-gram block against its word block (words, bigrams, intents,",
        "link domains) with a weight training picks by cross-validation over its own groups, each video held",
        "out in turn: " + chosen_weights(results) + ". Character n-grams",
        "learn each source's style, words what spam says; leaning on words ranks a new video's spam better.",
        "The spam threshold is set on those held-out scores (mean of the videos' ham marked spam ≤ 1%), in the",
        "middle of the gap between the genuine scores it separates: with ~170 ham per video 1% is one or two",
        "comments and the gap can be wide. The remaining misses are spam styles found in one video only and",
        "labelled otherwise in the others (LMFAO's 'like this comment if...' run, which Psy and LMFAO itself",
        "label ham when it reads 'thumbs up if you're watching in 2015'; KatyPerry's links to news, gif and shop",
        "pages); many are held for review (the held column), not approved. No phrase from a test video is",
        "named by a rule. The YouTube-only model does not transfer to SMS (other vocabulary, no links); SMS is",
        "part of the shipped model's training. Of the author's name the model reads one thing, whether its",
        "words run together with inner capitals ('BestMusicChannel'): 62-65% of such names posted spam in",
        "each video against 50-54% of all names; the name's words themselves lost on every video.",
        "The shipped rows are in-sample. Wall-clock figures were taken",
        "while other jobs shared the two cores; CPU-time figures are the engine's own cost.",
        "",
        "What changed the held-out figures (leave-one-video-out F1 Psy / KatyPerry / LMFAO, ham marked spam):",
        "",
        "| variant | F1 | ham marked spam |",
        "| --- | --- | --- |",
        *(f"| {name} | {f1} | {fpr} |" for name, f1, fpr in VARIANTS_TRIED),
        "",
        "How well other methods rank (best F1 any threshold reaches with ≤ 1% of the held-out video's ham",
        "flagged; the threshold is picked on the test video, so these are upper bounds, only comparable with",
        "each other; classifier plus rules, Psy / KatyPerry / LMFAO):",
        "",
        "| variant | best F1 at ≤ 1% ham marked spam |",
        "| --- | --- |",
        *(f"| {name} | {f1} |" for name, f1 in RANKINGS_TRIED),
        "",
        "Word vectors distilled from a sentence transformer (all-MiniLM-L6-v2, each WordPiece token passed through",
        "it alone, PCA to 64 dimensions, Model2Vec-style; numpy only at scoring time) were tried for meaning",
        "beyond the words seen in training. On their own they rank poorly at 1% of ham flagged (recall",
        "0.27-0.64); as a dense block beside the n-grams, a scale chosen inside training switches them off for",
        "two videos and gains one comment on LMFAO at the cost of one genuine comment, and a larger scale learns",
        "each source's style (KatyPerry F1 -0.05 to -0.09). With 10% less throughput and 3.8 MB more model they",
        "are not shipped.",
        "",
        "",
    ]
    return "\n".join(lines)


def targets_line(results: dict) -> str:
    """The issue's accuracy target (F1 ≥ 0.96 with ≤ 1% ham marked spam on every held-out video), as measured."""
    held = [split for split in results["splits"] if split["split"].startswith("held-out")]
    figures = ", ".join(
        f"{split['split'].removeprefix('held-out ')} {split['f1']:.3f} ({split['false_positive_rate']:.2%})"
        for split in held
    )
    met = [split["f1"] >= 0.96 and split["false_positive_rate"] <= 0.01 for split in held]
    verdict = "met on every video" if all(met) else f"met on {sum(met)} of {len(met)} videos"
    return f"Against the issue's target (F1 ≥ 0.96 with ≤ 1% of ham marked spam): {verdict}; F1 (ham marked spam) {figures}."


def chosen_weights(results: dict) -> str:
    return (
        ", ".join(
            f"{split['split'].removeprefix('held-out ')} held out {split['character_weight']:g}"
            for split in results["splits"]
            if "character_weight" in split
        )
        + f", shipped {load_default_model().metadata.get('character_weight', 1.0):g}"
    )


def record(markdown: str) -> None:
    """Replace this bench's section of RESULTS.md (up to the next heading: `### Learning from a site's
    moderators` below it is spam_moderator_learning.py's), or append it."""
    text = RESULTS_FILE.read_text() if RESULTS_FILE.exists() else "# Benchmark results\n\n"
    pattern = re.compile(rf"^{re.escape(SECTION_HEADING)}\n.*?(?=^##+ |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda _: markdown, text)
    else:
        text = text.rstrip("\n") + "\n\n" + markdown
    RESULTS_FILE.write_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--record", action="store_true", help=f"write the table into {RESULTS_FILE.name}")
    options = parser.parse_args(argv)
    results = run()
    if options.json:
        print(json.dumps(results, indent=2))
    else:
        print(as_markdown(results))
    if options.record:
        record(as_markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
