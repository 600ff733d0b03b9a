"""The spam filter's background jobs."""

from django_tasks import task


@task()
def retrain_spam_model() -> dict:
    """Adapt the model to the moderators' decisions; runs in the worker, never in a request."""
    from .feedback import retrain

    return retrain().as_dict()
