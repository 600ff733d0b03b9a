import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

ROWS = [
    ("Check out my new channel and subscribe!! http://bit.ly/abc", "spam", "Promo Guy"),
    ("Free gift cards for everyone, visit http://free-cards.example now", "spam", "Gift Cards Online"),
    ("I have listened to this song every morning for a year", "ham", "Mia"),
    ("The chorus is so catchy, my little brother sings it all day", "ham", "Tom"),
    ("Who else is watching this in 2015?", "ham", "Lee"),
]


def write_csv(path, header, rows):
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run_evaluate(*args, stderr=None):
    out = io.StringIO()
    call_command("spam", "evaluate", *args, stdout=out, stderr=stderr or io.StringIO())
    return out.getvalue()


def test_json_output_has_the_figures_the_issue_asks_for(tmp_path):
    path = write_csv(tmp_path / "comments.csv", ["content", "label", "author"], ROWS)

    report = json.loads(run_evaluate(str(path), "--json"))

    for key in ("n", "precision", "recall", "f1", "accuracy", "false_positive_rate", "held_rate",
                "comments_per_second", "p99_ms", "recall_at_1_percent_fpr", "held_spam", "held_ham"):  # fmt: skip
        assert key in report
    assert report["n"] == 5
    assert report["false_positive_rate"] == 0
    assert 0 <= report["f1"] <= 1 and report["comments_per_second"] > 0


def test_labels_may_be_numbers_and_columns_may_use_youtube_names(tmp_path):
    rows = [
        (author, "2014-01-01", content, "1" if label == "spam" else "0") for content, label, author in ROWS
    ]
    path = write_csv(tmp_path / "youtube.csv", ["AUTHOR", "DATE", "CONTENT", "CLASS"], rows)

    assert json.loads(run_evaluate(str(path), "--json"))["n"] == 5


def test_labels_may_be_written_as_spreadsheets_and_pandas_write_them(tmp_path):
    as_written = {"spam": ("TRUE", "1.0"), "ham": ("False", "0.0")}
    rows = [(content, as_written[label][index % 2]) for index, (content, label, _) in enumerate(ROWS)]
    path = write_csv(tmp_path / "exported.csv", ["content", "label"], rows)

    report = json.loads(run_evaluate(str(path), "--json"))

    assert (report["n"], report["spam"], report["ham"]) == (5, 2, 3)


def test_the_text_report_is_readable(tmp_path):
    path = write_csv(tmp_path / "comments.csv", ["content", "label"], [(c, label) for c, label, _ in ROWS])

    text = run_evaluate(str(path))

    assert "precision" in text and "p99" in text and "held for review" in text


def test_a_missing_column_is_named(tmp_path):
    path = write_csv(tmp_path / "bad.csv", ["msg", "label"], [("hello", "ham")])

    with pytest.raises(CommandError, match="'content'"):
        run_evaluate(str(path))


def test_a_bad_label_names_its_line(tmp_path):
    path = write_csv(tmp_path / "bad.csv", ["content", "label"], [("fine", "ham"), ("odd", "maybe")])

    with pytest.raises(CommandError, match="line 3.*'maybe'"):
        run_evaluate(str(path))


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot open"):
        run_evaluate(str(tmp_path / "nope.csv"))


def test_a_windows_1252_file_is_read_with_a_notice(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "content,label\nCafé au lait costs £3 here,ham\nFree £1000 prize! Call now,spam\n".encode("cp1252")
    )
    err = io.StringIO()

    report = json.loads(run_evaluate(str(path), "--json", stderr=err))

    assert (report["n"], report["spam"]) == (2, 1)
    assert "not UTF-8" in err.getvalue() and "Windows-1252" in err.getvalue()


def test_a_very_long_comment_does_not_stop_the_file(tmp_path):
    rows = [("word " * 40_000, "ham"), ("Check out my channel!", "spam")]
    path = write_csv(tmp_path / "long.csv", ["content", "label"], rows)

    assert json.loads(run_evaluate(str(path), "--json"))["n"] == 2


def test_a_file_saved_with_semicolons_or_tabs_is_read_by_its_header(tmp_path):
    for delimiter, name in ((";", "semicolons.csv"), ("\t", "tabs.tsv")):
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file, delimiter=delimiter)
            writer.writerow(["Content", "Label"])
            writer.writerows([(content, label) for content, label, _ in ROWS])

        assert json.loads(run_evaluate(str(path), "--json"))["n"] == 5


def test_other_names_for_the_text_are_read_and_the_issues_own_name_wins(tmp_path):
    only_text = write_csv(tmp_path / "text.csv", ["text", "is_spam"], [(c, lab) for c, lab, _ in ROWS])
    both = write_csv(
        tmp_path / "both.csv",
        ["comment", "content", "label"],
        [("", content, label) for content, label, _ in ROWS],  # an empty "comment" column must not be read
    )

    assert json.loads(run_evaluate(str(only_text), "--json"))["n"] == 5
    report = json.loads(run_evaluate(str(both), "--json"))
    assert report["spam"] == 2 and report["recall"] == 1  # read from "content": empty texts are not spam


def test_mistakes_are_listed_with_the_reasons_the_engine_gave(tmp_path):
    rows = [
        ("Check out my new channel and subscribe!! http://bit.ly/abc", "ham"),  # labelled genuine
        ("I have listened to this song every morning for a year", "spam"),  # labelled spam
        ("The chorus is so catchy, my little brother sings it all day", "ham"),
    ]
    path = write_csv(tmp_path / "comments.csv", ["content", "label"], rows)

    report = json.loads(run_evaluate(str(path), "--json", "--mistakes", "5"))
    text = run_evaluate(str(path), "--mistakes", "5")

    [genuine] = report["genuine_marked_spam"]
    assert genuine["content"].startswith("Check out my new channel") and genuine["decision"] == "spam"
    assert any(reason["code"] == "url_shortener" for reason in genuine["reasons"])
    [spam] = report["spam_approved"]
    assert spam["content"].startswith("I have listened") and spam["decision"] == "approve"
    assert "Genuine comments marked spam" in text and "behind a URL shortener" in text


def test_without_mistakes_the_json_has_only_the_figures(tmp_path):
    path = write_csv(tmp_path / "comments.csv", ["content", "label", "author"], ROWS)

    assert "genuine_marked_spam" not in json.loads(run_evaluate(str(path), "--json"))
