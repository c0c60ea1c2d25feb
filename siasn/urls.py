app_name = "siasn"
urlpatterns = []
