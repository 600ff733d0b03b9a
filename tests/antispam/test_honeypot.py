from broadsheet.antispam.core import Decision, SourceHistory

from .builders import a_comment, rules_only_engine


def test_a_filled_honeypot_discards_the_comment_whatever_else_it_says():
    verdict = rules_only_engine().check(a_comment(honeypot_values={"website_confirm": "http://spam.example"}))

    assert verdict.decision == Decision.DISCARD
    honeypot = next(reason for reason in verdict.reasons if reason.code == "honeypot")
    assert honeypot.decisive
    assert "website_confirm" in honeypot.message


def test_a_filled_honeypot_beats_a_trusted_commenter():
    comment = a_comment(honeypot_values={"phone2": "1"}, history=SourceHistory(approved_from_email=3))

    assert rules_only_engine().check(comment).decision == Decision.DISCARD


def test_empty_or_blank_honeypots_are_what_people_leave():
    verdict = rules_only_engine().check(a_comment(honeypot_values={"website_confirm": "", "phone2": "  "}))

    assert verdict.decision == Decision.APPROVE
    assert "honeypot" not in {reason.code for reason in verdict.reasons}
