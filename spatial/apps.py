from django.apps import AppConfig


class SpatialConfig(AppConfig):
    name = "spatial"

    def ready(self):
        from proposals import hooks

        from .services import clusters_update_for_proposal

        if clusters_update_for_proposal not in hooks.after_proposal_write:
            hooks.after_proposal_write.append(clusters_update_for_proposal)
