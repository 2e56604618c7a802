import { redirect } from "next/navigation";

export default function FirmIndex() {
  redirect("/firm/strategy");
}
