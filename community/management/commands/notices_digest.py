from django.core.management.base import BaseCommand

from community.mail import send_digests


class Command(BaseCommand):
    help = "E-mail the daily digest of notices to everyone who chose it (run once a day)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest e-mail(s) sent.")
