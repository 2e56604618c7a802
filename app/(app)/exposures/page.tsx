import { redirect } from "next/navigation";

export default function ExposuresIndex() {
  redirect("/exposures/strategy");
}
