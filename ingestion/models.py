"""Ingest jobs: documents handed to the Celery workers, and what became of each."""

from django.db import models


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"


class ItemStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    UNCHANGED = "unchanged", "Unchanged"
    FAILED = "failed", "Failed"


class IngestJob(models.Model):
    """A batch of documents queued for the Celery workers by `load_seeds --queue` or an asynchronous POST."""

    status = models.CharField(max_length=8, choices=JobStatus.choices, default=JobStatus.QUEUED)
    origin = models.CharField(max_length=20, help_text='"load_seeds" or "api".')
    total = models.PositiveIntegerField(default=0, help_text="Documents in the job.")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"ingest job {self.pk} ({self.status})"


class IngestItem(models.Model):
    """One document of an ingest job: the document as read (the task message carries only this row's id),
    its outcome and the article it became. Its status changes in the transaction that stores the article,
    so a worker killed mid-document leaves it pending, and the redelivered task stores it once."""

    job = models.ForeignKey(IngestJob, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(help_text="Order in the job, from 1.")
    location = models.CharField(max_length=1200, help_text='Where it came from: "feed.jsonl:12" or "request".')
    document = models.JSONField(null=True, blank=True, help_text="title, subtitle, body, published_at, url, source.")
    status = models.CharField(max_length=9, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    article = models.ForeignKey("articles.Article", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="ingest_items")
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["job", "position"]
        indexes = [models.Index(fields=["job", "status"], name="ingest_item_job_status")]
        constraints = [models.UniqueConstraint(fields=["job", "position"], name="ingest_item_unique_position")]

    def __str__(self) -> str:
        return f"{self.job_id}:{self.position} {self.status}"
