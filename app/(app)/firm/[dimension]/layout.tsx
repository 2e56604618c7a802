// An unknown dimension is a real 404 before anything streams, as on the exposures pages.
export { default } from "../../exposures/[dimension]/layout";
