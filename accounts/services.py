from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .models import User


@transaction.atomic
def user_create(*, username: str, password: str, email: str = "", role_names=(), **fields) -> User:
    user = User.objects.create_user(username=username, password=password, email=email, **fields)
    for name in role_names:
        group, _ = Group.objects.get_or_create(name=name)
        user.groups.add(group)
    return user


def roles_ensure() -> None:
    for name in roles.ALL:
        Group.objects.get_or_create(name=name)
