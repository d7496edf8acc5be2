// Every test process gets the product's registry and job kinds, as the app's entry points do.
import "@/server/composition";
