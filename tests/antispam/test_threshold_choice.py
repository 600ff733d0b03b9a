"""Spam thresholds protect comments: they are measured on comment groups, not on auxiliary text sets."""

import numpy as np

from broadsheet.antispam.core.classifier import logit
from broadsheet.antispam.core.learning import threshold_for_false_positive_rate


def scores_for(group, ham_scores, spam_scores):
    scores = np.array(ham_scores + spam_scores, dtype=float)
    is_spam = np.array([False] * len(ham_scores) + [True] * len(spam_scores))
    return scores, is_spam, np.array([group] * len(scores))


def test_easy_auxiliary_ham_does_not_loosen_the_comments_threshold():
    video = scores_for("video", [i / 100 for i in range(100)], [0.99] * 10)
    sms = scores_for("sms", [0.0] * 100, [0.99] * 10)
    scores, is_spam, groups = (np.concatenate(parts) for parts in zip(video, sms, strict=True))

    with_sms = threshold_for_false_positive_rate(scores, is_spam, groups, 0.01)
    comments_only = threshold_for_false_positive_rate(scores, is_spam, groups, 0.01, auxiliary_groups={"sms"})

    assert comments_only > with_sms
    assert (scores[(groups == "video") & ~is_spam] >= comments_only).mean() <= 0.01


def test_the_threshold_sits_in_the_middle_of_the_gap_between_genuine_scores():
    # 100 genuine comments: one may be flagged (1%), so the threshold lies between 0.6 and 0.95.
    scores, is_spam, groups = scores_for("video", [0.1] * 98 + [0.6, 0.95], [0.99] * 10)

    threshold = threshold_for_false_positive_rate(scores, is_spam, groups, 0.01)

    assert 0.6 < threshold < 0.95
    assert abs(logit(threshold) - (logit(0.6) + logit(0.95)) / 2) < 1e-9
    assert (scores[~is_spam] >= threshold).sum() == 1
