import factory
from django.contrib.auth.models import Group
from django.contrib.gis.geos import Point

from accounts.models import User
from proposals.models import Category, Kind, Proposal

# A point in the middle of the demo city (lon, lat).
CITY_CENTRE = (12.375, 51.345)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pw-secret-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or ():
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    author = factory.SubFactory(UserFactory)
    kind = Kind.PROPOSAL
    category = Category.HOUSING
    title = factory.Sequence(lambda n: f"Proposal {n}")
    description = "Because the neighbourhood needs it."
    geom = factory.LazyFunction(lambda: Point(*CITY_CENTRE, srid=4326))
